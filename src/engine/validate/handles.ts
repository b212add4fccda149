import { outcomesOf } from "../graph/node-types";
import type { GraphEdge } from "../graph/schema";
import type { GraphIndex } from "../analysis/graph-index";
import type { ParsedNode } from "./parse-document";
import { problem, warning, type Problem } from "./problem";

function isElse(edge: GraphEdge): boolean {
  return edge.default || edge.condition === undefined;
}

/**
 * Checks handles: every outcome of a node has an edge (except compensation steps outside the flow), no edge leaves from a handle the node does
 * not have, at most one "else" edge per handle, and parallel branches have exactly one plain edge.
 */
export function checkHandles(index: GraphIndex<ParsedNode, GraphEdge>, offFlow: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const node of index.nodes.values()) {
    if (!node.configOk) continue;
    const outcomes = outcomesOf(node);
    const edges = index.outgoing.get(node.id) ?? [];
    for (const edge of edges) {
      if (!outcomes.includes(edge.sourceHandle)) {
        const known = outcomes.length > 0 ? `; it has ${outcomes.map((outcome) => `"${outcome}"`).join(", ")}` : "; it has no outgoing handles";
        problems.push(problem("UNKNOWN_HANDLE", `"${node.id}" has no outcome "${edge.sourceHandle}"${known}.`, { nodeId: node.id, edgeId: edge.id }));
      }
    }
    for (const outcome of outcomes) {
      const fromHandle = edges.filter((edge) => edge.sourceHandle === outcome);
      if (fromHandle.length === 0) {
        // A compensation step outside the flow ends where it is: its outcomes lead nowhere.
        if (offFlow.has(node.id)) continue;
        problems.push(problem("MISSING_OUTCOME_EDGE", `Connect the "${outcome}" outcome of "${node.id}" to a next step.`, { nodeId: node.id }));
        continue;
      }
      if (node.type === "parallel") {
        if (fromHandle.length > 1 || fromHandle.some((edge) => edge.condition !== undefined)) {
          problems.push(problem("INVALID_BRANCH_EDGE", `Branch "${outcome}" of "${node.id}" needs exactly one edge, without a condition.`, { nodeId: node.id }));
        }
        continue;
      }
      const elses = fromHandle.filter(isElse);
      if (elses.length > 1) {
        problems.push(
          problem("CONFLICTING_DEFAULT_EDGES", `The "${outcome}" outcome of "${node.id}" has ${elses.length} edges without a condition; keep one default.`, {
            nodeId: node.id,
            edgeId: elses[1]!.id,
          }),
        );
      } else if (elses.length === 0) {
        problems.push(
          warning("MISSING_DEFAULT_EDGE", `If no condition on the "${outcome}" outcome of "${node.id}" holds, the run stops there; add a default edge.`, {
            nodeId: node.id,
          }),
        );
      }
    }
  }
  return problems;
}
