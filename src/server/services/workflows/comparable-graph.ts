import { GraphSchema, type Graph } from "~/engine";
import { AppError } from "~/server/errors";

/**
 * A stored graph (version or draft JSON) parsed with the schema's defaults applied, so two graphs
 * that mean the same compare equal; `null` when it is not a well-formed graph (a draft mid-edit).
 */
export function parseComparableGraph(json: string): Graph | null {
  const result = GraphSchema.safeParse(JSON.parse(json));
  return result.success ? result.data : null;
}

/** Like {@link parseComparableGraph}, but a malformed graph is a PRECONDITION_FAILED naming `what`. */
export function requireComparableGraph(json: string, what: string): Graph {
  const graph = parseComparableGraph(json);
  if (!graph) throw new AppError("PRECONDITION_FAILED", `${what} is not a well-formed graph yet; fix it in the editor to compare it.`);
  return graph;
}
