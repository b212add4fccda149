import type { Graph } from "../graph/schema";
import type { GraphDiff } from "./diff-graphs";

/**
 * The graph a diff view draws: the "after" graph plus the nodes and edges the diff says were
 * removed (from "before", where they were), so removed items can be shown struck out.
 *
 * @example unionGraph(after, diffGraphs(before, after)).nodes.length // after's nodes + removed ones
 */
export function unionGraph(after: Graph, diff: GraphDiff): Graph {
  return {
    ...after,
    nodes: [...after.nodes, ...diff.nodes.removed],
    edges: [...after.edges, ...diff.edges.removed],
  };
}
