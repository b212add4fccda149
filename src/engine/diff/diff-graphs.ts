import type { Graph, GraphEdge, GraphNode } from "../graph/schema";
import { diffValues, type FieldChange } from "./value-diff";

export type { FieldChange } from "./value-diff";

type Position = GraphNode["position"];

/** A node present in both graphs whose type, label, description or config differs. */
export type NodeChange = {
  id: string;
  /** The node as it is after the change. */
  node: GraphNode;
  /** `type`, `label`, `description` and `config.*` paths that differ (never `position`). */
  fields: FieldChange[];
};

/** A node present in both graphs that only changed place on the canvas (it may also be in `changed`). */
export type NodeMove = { id: string; before: Position; after: Position };

/** An edge present in both graphs (same id) whose ends, handle, condition, default flag or label differ. */
export type EdgeChange = { id: string; edge: GraphEdge; fields: FieldChange[] };

/** What changed from one graph to another. */
export type GraphDiff = {
  nodes: { added: GraphNode[]; removed: GraphNode[]; changed: NodeChange[]; moved: NodeMove[] };
  edges: { added: GraphEdge[]; removed: GraphEdge[]; changed: EdgeChange[] };
  /** Workflow-level fields: `id`, `name`, `description`, `metadata.*`. */
  document: FieldChange[];
};

const NODE_FIELDS = ["type", "label", "description"] as const;
const EDGE_FIELDS = ["source", "sourceHandle", "target", "condition", "default", "label"] as const;
const DOCUMENT_FIELDS = ["id", "name", "description", "metadata"] as const;

function byId<Item extends { id: string }>(items: readonly Item[]): Map<string, Item> {
  return new Map(items.map((item) => [item.id, item]));
}

function nodeFieldChanges(before: GraphNode, after: GraphNode): FieldChange[] {
  return [
    ...NODE_FIELDS.flatMap((field) => diffValues(before[field], after[field], field)),
    ...diffValues(before.config, after.config, "config"),
  ];
}

function diffNodes(before: readonly GraphNode[], after: readonly GraphNode[]): GraphDiff["nodes"] {
  const beforeById = byId(before);
  const afterById = byId(after);
  const changed: NodeChange[] = [];
  const moved: NodeMove[] = [];
  for (const node of after) {
    const previous = beforeById.get(node.id);
    if (!previous) continue;
    const fields = nodeFieldChanges(previous, node);
    if (fields.length > 0) changed.push({ id: node.id, node, fields });
    if (previous.position.x !== node.position.x || previous.position.y !== node.position.y) {
      moved.push({ id: node.id, before: previous.position, after: node.position });
    }
  }
  return {
    added: after.filter((node) => !beforeById.has(node.id)),
    removed: before.filter((node) => !afterById.has(node.id)),
    changed,
    moved,
  };
}

function diffEdges(before: readonly GraphEdge[], after: readonly GraphEdge[]): GraphDiff["edges"] {
  const beforeById = byId(before);
  const afterById = byId(after);
  const changed: EdgeChange[] = [];
  for (const edge of after) {
    const previous = beforeById.get(edge.id);
    if (!previous) continue;
    const fields = EDGE_FIELDS.flatMap((field) => diffValues(previous[field], edge[field], field));
    if (fields.length > 0) changed.push({ id: edge.id, edge, fields });
  }
  return {
    added: after.filter((edge) => !beforeById.has(edge.id)),
    removed: before.filter((edge) => !afterById.has(edge.id)),
    changed,
  };
}

/**
 * Compares two workflow graphs: nodes and edges matched by id.
 *
 * @remarks Node changes list every differing `type`, `label`, `description` and config field as a
 * path with its before and after value (deep compare); position changes are reported apart, in
 * `nodes.moved`, so a view can play them down. Edges are compared on source, handle, target,
 * condition, default flag and label. The order of the lists follows the graphs' own order.
 * @example
 * const diff = diffGraphs(version1.graph, draft);
 * diff.nodes.changed[0]; // { id: "lookupPo", node, fields: [{ path: "config.timeout", before: "PT30S", after: "PT10S" }] }
 */
export function diffGraphs(before: Graph, after: Graph): GraphDiff {
  return {
    nodes: diffNodes(before.nodes, after.nodes),
    edges: diffEdges(before.edges, after.edges),
    document: DOCUMENT_FIELDS.flatMap((field) => diffValues(before[field], after[field], field)),
  };
}

/**
 * Whether a diff holds any change at all, moves included.
 *
 * @example hasChanges(diffGraphs(graph, graph)) // false
 */
export function hasChanges(diff: GraphDiff): boolean {
  const { nodes, edges, document } = diff;
  return [nodes.added, nodes.removed, nodes.changed, nodes.moved, edges.added, edges.removed, edges.changed, document].some(
    (list) => list.length > 0,
  );
}
