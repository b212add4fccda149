import { NODE_TYPES } from "~/engine";
import { fallbackPositions } from "./fallback-layout";
import type { DraftEdge, DraftGraph, DraftNode, DraftNodeFields, GraphMeta, WorkflowEdge, WorkflowNode } from "./types";

/**
 * The one place where the canvas meets the engine graph: engine graph → React Flow nodes and
 * edges, and back. Every field of the graph, its nodes and its edges survives the round trip.
 *
 * Nodes without a position get one from a quick layering (see `fallbackPositions`).
 *
 * @remarks Conversions are memoised by object identity in both directions, so an unchanged node
 * keeps its canvas object (and React Flow skips re-rendering it) across commits, undo and redo.
 */

const KNOWN_TYPES: ReadonlySet<string> = new Set(NODE_TYPES);

const draftOfFlowNode = new WeakMap<WorkflowNode, DraftNode>();
const flowOfDraftNode = new WeakMap<DraftNode, WorkflowNode>();
const draftOfFlowEdge = new WeakMap<WorkflowEdge, DraftEdge>();
const flowOfDraftEdge = new WeakMap<DraftEdge, WorkflowEdge>();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isDraftNode(value: unknown): value is DraftNode {
  return isRecord(value) && typeof value.id === "string" && typeof value.type === "string" && KNOWN_TYPES.has(value.type);
}

function isDraftEdge(value: unknown): value is DraftEdge {
  return (
    isRecord(value) &&
    typeof value.id === "string" &&
    typeof value.source === "string" &&
    typeof value.target === "string" &&
    typeof value.sourceHandle === "string"
  );
}

/**
 * Reads a document as a draft graph the canvas can show, or says why it cannot.
 *
 * @remarks Looser than the engine's validator on purpose: a draft with problems still opens (the
 * problems show on the nodes), but every node needs an id and a known type and every edge its ends.
 * @example readDraft(JSON.parse(text)) // { ok: true, graph } | { ok: false, reason }
 */
export function readDraft(document: unknown): { ok: true; graph: DraftGraph } | { ok: false; reason: string } {
  if (!isRecord(document)) return { ok: false, reason: "The document is not a JSON object." };
  const { nodes, edges = [] } = document;
  if (!Array.isArray(nodes)) return { ok: false, reason: "The document has no nodes list." };
  if (!Array.isArray(edges)) return { ok: false, reason: "The edges are not a list." };
  const badNode = nodes.findIndex((node) => !isDraftNode(node));
  if (badNode >= 0) return { ok: false, reason: `Node ${badNode + 1} lacks an id or a known type.` };
  const badEdge = edges.findIndex((edge) => !isDraftEdge(edge));
  if (badEdge >= 0) return { ok: false, reason: `Edge ${badEdge + 1} lacks an id, source, target or outcome.` };
  return { ok: true, graph: { ...document, nodes: nodes as DraftNode[], edges: edges as DraftEdge[] } };
}

/** A node card's width (`.wf-node` in designer.css) and a typical height. */
const NODE_WIDTH = 224;
const NODE_HEIGHT = 96;

/** The canvas node of an engine node; `fallback` places a node that has no position. */
export function toFlowNode(node: DraftNode, fallback = { x: 0, y: 0 }): WorkflowNode {
  const cached = flowOfDraftNode.get(node);
  if (cached) return cached;
  const { position, ...rest } = node;
  const flowNode: WorkflowNode = {
    id: node.id,
    type: "workflow",
    position: position ?? fallback,
    // Nodes off screen are not rendered (so not measured); their assumed size lets the first fit
    // view and visibility culling see the whole graph.
    initialWidth: NODE_WIDTH,
    initialHeight: NODE_HEIGHT,
    data: { node: rest as DraftNodeFields },
  };
  flowOfDraftNode.set(node, flowNode);
  draftOfFlowNode.set(flowNode, node);
  return flowNode;
}

/** The canvas edge of an engine edge. */
export function toFlowEdge(edge: DraftEdge): WorkflowEdge {
  const cached = flowOfDraftEdge.get(edge);
  if (cached) return cached;
  const flowEdge: WorkflowEdge = {
    id: edge.id,
    type: "workflow",
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle,
    data: { edge },
  };
  flowOfDraftEdge.set(edge, flowEdge);
  draftOfFlowEdge.set(flowEdge, edge);
  return flowEdge;
}

/** The engine node of a canvas node (its id and position taken from the canvas). */
export function toDraftNode(flowNode: WorkflowNode): DraftNode {
  const cached = draftOfFlowNode.get(flowNode);
  if (cached) return cached;
  const node: DraftNode = { ...flowNode.data.node, id: flowNode.id, position: { x: flowNode.position.x, y: flowNode.position.y } } as DraftNode;
  draftOfFlowNode.set(flowNode, node);
  flowOfDraftNode.set(node, flowNode);
  return node;
}

/** The engine edge of a canvas edge (its id, ends and handle taken from the canvas). */
export function toDraftEdge(flowEdge: WorkflowEdge): DraftEdge {
  const cached = draftOfFlowEdge.get(flowEdge);
  if (cached) return cached;
  const data = flowEdge.data?.edge;
  const edge: DraftEdge = {
    ...data,
    id: flowEdge.id,
    source: flowEdge.source,
    target: flowEdge.target,
    sourceHandle: flowEdge.sourceHandle ?? data?.sourceHandle ?? "",
  };
  draftOfFlowEdge.set(flowEdge, edge);
  flowOfDraftEdge.set(edge, flowEdge);
  return edge;
}

/**
 * Splits an engine graph into the canvas's nodes and edges and the graph's other fields.
 *
 * @example const { meta, nodes, edges } = toFlow(graph);
 */
export function toFlow(graph: DraftGraph): { meta: GraphMeta; nodes: WorkflowNode[]; edges: WorkflowEdge[] } {
  const { nodes, edges, ...meta } = graph;
  const fallback = fallbackPositions(graph);
  return { meta, nodes: nodes.map((node) => toFlowNode(node, fallback.get(node.id))), edges: edges.map(toFlowEdge) };
}

/**
 * Joins canvas nodes and edges and the graph's other fields back into an engine graph.
 *
 * @example toGraph(meta, nodes, edges) // { schemaVersion: 1, id, name, …, nodes, edges }
 */
export function toGraph(meta: GraphMeta, nodes: readonly WorkflowNode[], edges: readonly WorkflowEdge[]): DraftGraph {
  return { ...meta, nodes: nodes.map(toDraftNode), edges: edges.map(toDraftEdge) };
}

