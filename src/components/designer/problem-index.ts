import type { Problem } from "~/engine";
import type { DraftGraph } from "./types";

/** Validation problems looked up by node and edge, as the canvas draws them. */
export interface ProblemIndex {
  byNode: ReadonlyMap<string, Problem[]>;
  byEdge: ReadonlyMap<string, Problem[]>;
  /** Per node, the handles its edges leave from that it does not have (drawn so those edges show). */
  unknownHandles: ReadonlyMap<string, string[]>;
}

export const EMPTY_PROBLEM_INDEX: ProblemIndex = { byNode: new Map(), byEdge: new Map(), unknownHandles: new Map() };

function push<Value>(map: Map<string, Value[]>, key: string, value: Value) {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

/**
 * Groups problems by the node and the edge they point at.
 *
 * @remarks Linear in problems plus edges; built once per validation, never per render.
 */
export function indexProblems(problems: readonly Problem[], graph: DraftGraph): ProblemIndex {
  const byNode = new Map<string, Problem[]>();
  const byEdge = new Map<string, Problem[]>();
  const unknownHandles = new Map<string, string[]>();
  const edges = new Map(graph.edges.map((edge) => [edge.id, edge]));
  for (const problem of problems) {
    if (problem.nodeId !== undefined) push(byNode, problem.nodeId, problem);
    if (problem.edgeId !== undefined) push(byEdge, problem.edgeId, problem);
    const edge = problem.code === "UNKNOWN_HANDLE" && problem.edgeId !== undefined ? edges.get(problem.edgeId) : undefined;
    if (edge && !unknownHandles.get(edge.source)?.includes(edge.sourceHandle)) push(unknownHandles, edge.source, edge.sourceHandle);
  }
  return { byNode, byEdge, unknownHandles };
}
