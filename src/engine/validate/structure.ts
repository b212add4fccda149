import type { GraphEdge } from "../graph/schema";
import type { ParsedNode } from "./parse-document";
import { problem, type Problem } from "./problem";

/**
 * Checks the graph's skeleton: exactly one start, at least one end, unique node and edge ids,
 * edges whose both ends exist, and no edge back into the start.
 */
export function checkStructure(nodes: readonly ParsedNode[], edges: readonly GraphEdge[]): Problem[] {
  const problems: Problem[] = [];
  const starts = nodes.filter((node) => node.type === "start");
  if (starts.length === 0) problems.push(problem("NO_START", "Add a start node: every run begins there."));
  for (const extra of starts.slice(1)) {
    problems.push(problem("MULTIPLE_STARTS", `"${extra.id}" is a second start node; a workflow has exactly one.`, { nodeId: extra.id }));
  }
  if (!nodes.some((node) => node.type === "end")) problems.push(problem("NO_END", "Add an end node: runs need a place to finish."));

  const nodeIds = new Set<string>();
  for (const node of nodes) {
    if (nodeIds.has(node.id)) {
      problems.push(problem("DUPLICATE_NODE_ID", `Another node already has the id "${node.id}".`, { nodeId: node.id, path: ["nodes", node.index, "id"] }));
    }
    nodeIds.add(node.id);
  }
  const edgeIds = new Set<string>();
  const startIds = new Set(starts.map((node) => node.id));
  for (const edge of edges) {
    if (edgeIds.has(edge.id)) problems.push(problem("DUPLICATE_EDGE_ID", `Another edge already has the id "${edge.id}".`, { edgeId: edge.id }));
    edgeIds.add(edge.id);
    for (const end of [edge.source, edge.target]) {
      if (!nodeIds.has(end)) {
        problems.push(problem("DANGLING_EDGE", `Edge "${edge.id}" is connected to "${end}", which is not a node.`, { edgeId: edge.id }));
      }
    }
    if (startIds.has(edge.target)) {
      problems.push(problem("EDGE_INTO_START", `Edge "${edge.id}" leads back into the start node; loop to a later step instead.`, { edgeId: edge.id, nodeId: edge.target }));
    }
  }
  return problems;
}
