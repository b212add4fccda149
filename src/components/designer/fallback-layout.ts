import type { DraftGraph } from "./types";

const COLUMN = 304;
const ROW = 176;

/**
 * A quick left-to-right layering: each node's column is its distance from the start (nodes the
 * start does not reach go last), rows in graph order. Linear in nodes and edges.
 *
 * @remarks Used for nodes that have no position and as the auto-layout of graphs too large for
 * ELK to lay out while the designer waits.
 * @example layerPositions(graph.nodes, graph.edges).get("review") // { x: 608, y: 0 }
 */
export function layerPositions(
  nodes: readonly { id: string; type: string }[],
  edges: readonly { source: string; target: string }[],
): Map<string, { x: number; y: number }> {
  const outgoing = new Map<string, string[]>();
  for (const edge of edges) {
    const targets = outgoing.get(edge.source);
    if (targets) targets.push(edge.target);
    else outgoing.set(edge.source, [edge.target]);
  }
  const depth = new Map<string, number>();
  const queue = nodes.filter((node) => node.type === "start").map((node) => node.id);
  for (const id of queue) depth.set(id, 0);
  for (let index = 0; index < queue.length; index++) {
    const id = queue[index] as string;
    for (const target of outgoing.get(id) ?? []) {
      if (depth.has(target)) continue;
      depth.set(target, (depth.get(id) ?? 0) + 1);
      queue.push(target);
    }
  }
  let deepest = 0;
  for (const value of depth.values()) deepest = Math.max(deepest, value);
  const rows = new Map<number, number>();
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const column = depth.get(node.id) ?? deepest + 1;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    positions.set(node.id, { x: column * COLUMN, y: row * ROW });
  }
  return positions;
}

/**
 * Positions for the nodes of a graph that have none (graphs written by hand or generated).
 *
 * @example fallbackPositions(graph).size // 0 when every node has a position
 */
export function fallbackPositions(graph: DraftGraph): Map<string, { x: number; y: number }> {
  if (graph.nodes.every((node) => node.position)) return new Map();
  const all = layerPositions(graph.nodes, graph.edges);
  return new Map(graph.nodes.filter((node) => !node.position).flatMap((node) => {
    const position = all.get(node.id);
    return position ? [[node.id, position] as const] : [];
  }));
}
