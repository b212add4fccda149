import type { NodeType } from "../graph/node-types";

/** The parts of a node the graph analyses read. */
export interface IndexedNode {
  id: string;
  type: NodeType;
  config: unknown;
}

/** The parts of an edge the graph analyses read. */
export interface IndexedEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  condition?: string;
  default?: boolean;
}

/** Nodes by id and edges by source and target, built once per analysis. */
export interface GraphIndex<Node extends IndexedNode = IndexedNode, Edge extends IndexedEdge = IndexedEdge> {
  nodes: Map<string, Node>;
  outgoing: Map<string, Edge[]>;
  incoming: Map<string, Edge[]>;
}

/**
 * Indexes nodes (first occurrence of an id wins) and the edges whose both ends exist.
 *
 * @example indexGraph(graph.nodes, graph.edges).outgoing.get("start")
 */
export function indexGraph<Node extends IndexedNode, Edge extends IndexedEdge>(
  nodes: readonly Node[],
  edges: readonly Edge[],
): GraphIndex<Node, Edge> {
  const byId = new Map<string, Node>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const outgoing = new Map<string, Edge[]>();
  const incoming = new Map<string, Edge[]>();
  for (const id of byId.keys()) {
    outgoing.set(id, []);
    incoming.set(id, []);
  }
  for (const edge of edges) {
    const from = outgoing.get(edge.source);
    const to = incoming.get(edge.target);
    if (!from || !to) continue;
    from.push(edge);
    to.push(edge);
  }
  return { nodes: byId, outgoing, incoming };
}

/** Ids of the nodes reachable from `roots` following `next`. */
export function reachable(roots: Iterable<string>, next: (id: string) => Iterable<string>): Set<string> {
  const seen = new Set<string>(roots);
  const queue = [...seen];
  for (let index = 0; index < queue.length; index++) {
    for (const neighbour of next(queue[index]!)) {
      if (!seen.has(neighbour)) {
        seen.add(neighbour);
        queue.push(neighbour);
      }
    }
  }
  return seen;
}
