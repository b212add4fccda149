import { nextEdgeId, uniqueId } from "./node-ids";
import type { DraftEdge, DraftGraph, DraftNode } from "./types";

/** Copied nodes and the edges between them. */
export interface GraphFragment {
  nodes: DraftNode[];
  edges: DraftEdge[];
}

/** How far a paste lands from the copied nodes, in canvas pixels (a multiple of the 16 px grid). */
export const PASTE_OFFSET = 48;

/**
 * The selected nodes and the edges that run between two of them.
 *
 * @example copyFragment(graph, new Set(["review", "paid"])) // edges into or out of the pair are left out
 */
export function copyFragment(graph: DraftGraph, nodeIds: ReadonlySet<string>): GraphFragment {
  return {
    nodes: graph.nodes.filter((node) => nodeIds.has(node.id)),
    edges: graph.edges.filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target)),
  };
}

/**
 * The fragment as it is pasted into `graph`: fresh node and edge ids, edges remapped to the new
 * node ids, positions moved by `offset`.
 *
 * @example pasteFragment(fragment, graph).nodes[0].id // "task2" when "task" is taken
 */
export function pasteFragment(fragment: GraphFragment, graph: DraftGraph, offset = PASTE_OFFSET): GraphFragment {
  const takenNodes = new Set(graph.nodes.map((node) => node.id));
  const takenEdges = new Set(graph.edges.map((edge) => edge.id));
  const renamed = new Map<string, string>();
  const nodes = fragment.nodes.map((node) => {
    const id = uniqueId(node.id.replace(/\d+$/, "") || node.id, takenNodes);
    takenNodes.add(id);
    renamed.set(node.id, id);
    const position = node.position ?? { x: 0, y: 0 };
    return { ...node, id, position: { x: position.x + offset, y: position.y + offset } };
  });
  const edges = fragment.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (source === undefined || target === undefined) return [];
    const id = nextEdgeId(takenEdges);
    takenEdges.add(id);
    return [{ ...edge, id, source, target }];
  });
  return { nodes, edges };
}
