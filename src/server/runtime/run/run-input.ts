import { z } from "zod";
import type { Graph, NodeOf } from "~/engine";
import { AppError } from "~/server/errors";

type InputField = NodeOf<"start">["config"]["inputFields"][number];

const FIELD_SCHEMAS: Record<InputField["type"], z.ZodType> = {
  string: z.string().max(100_000),
  number: z.number().finite(),
  integer: z.number().int(),
  boolean: z.boolean(),
  date: z.iso.datetime({ offset: true }).or(z.iso.date()),
  object: z.record(z.string(), z.unknown()),
  array: z.array(z.unknown()),
};

/** The Zod schema of a graph's run input, from its start node's declared fields. Unknown fields are refused. */
export function runInputSchema(graph: Graph) {
  const start = graph.nodes.find((node): node is NodeOf<"start"> => node.type === "start");
  const fields = start?.config.inputFields ?? [];
  return z.strictObject(
    Object.fromEntries(fields.map((field) => [field.name, field.required ? FIELD_SCHEMAS[field.type] : FIELD_SCHEMAS[field.type].optional()])),
  );
}

/** Checks a run input against the start node's fields; a mismatch is a BAD_REQUEST naming each field. */
export function parseRunInput(graph: Graph, input: unknown): Record<string, unknown> {
  const result = runInputSchema(graph).safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`);
    throw new AppError("BAD_REQUEST", `The run input does not match the start node's fields: ${problems.join("; ")}`);
  }
  return result.data;
}
