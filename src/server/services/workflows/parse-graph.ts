import { validateGraph, type Graph, type Problem } from "~/engine";
import { AppError } from "~/server/errors";

const MAX_GRAPH_JSON_BYTES = 4 * 1024 * 1024;

/** Serialises a draft for storage; a draft may be invalid while it is edited, but not oversized. */
export function serializeDraft(graph: unknown): string {
  const json = JSON.stringify(graph ?? null);
  if (json === undefined || Buffer.byteLength(json) > MAX_GRAPH_JSON_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `A workflow graph may be at most ${MAX_GRAPH_JSON_BYTES / 1024 / 1024} MiB of JSON.`);
  }
  return json;
}

/** The validated graph, or a BAD_REQUEST that lists the problems (first ten) for the designer. */
export function requireValidGraph(json: string, what: string): Graph {
  const result = validateGraph(JSON.parse(json));
  if (result.ok) return result.graph;
  throw new AppError("BAD_REQUEST", `${what} has ${result.problems.length} problem(s): ${summarize(result.problems)}`);
}

function summarize(problems: Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === "error");
  const listed = errors.slice(0, 10).map((problem) => `${problem.code}${problem.nodeId ? ` at ${problem.nodeId}` : ""}: ${problem.message}`);
  return listed.join("; ") + (errors.length > 10 ? `; and ${errors.length - 10} more` : "");
}
