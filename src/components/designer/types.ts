import type { Edge, Node } from "@xyflow/react";
import type { NodeType } from "~/engine";

/**
 * A node of a draft graph as the designer holds it: the engine's node shape, with the config left
 * unparsed (a draft may be invalid while it is edited) and any further fields kept as they are.
 */
export interface DraftNode extends DraftNodeFields {
  position?: { x: number; y: number };
}

/** A draft node's fields besides its position (which the canvas node holds). */
export interface DraftNodeFields {
  id: string;
  type: NodeType;
  label?: string;
  description?: string;
  config: unknown;
  [field: string]: unknown;
}

/** An edge of a draft graph: the engine's edge shape, any further fields kept. */
export interface DraftEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  condition?: string;
  default?: boolean;
  label?: string;
  [field: string]: unknown;
}

/** The graph's own fields besides nodes and edges (schemaVersion, id, name, metadata, …). */
export type GraphMeta = Record<string, unknown>;

/** A draft workflow graph: what autosave stores and the validator reads. */
export interface DraftGraph extends GraphMeta {
  nodes: DraftNode[];
  edges: DraftEdge[];
}

/** Data of a canvas node: the engine node it shows (its position lives on the canvas node). */
export interface WorkflowNodeData extends Record<string, unknown> {
  node: DraftNodeFields;
}

/** Data of a canvas edge: the engine edge it shows (id, source, target, handle live on the canvas edge). */
export interface WorkflowEdgeData extends Record<string, unknown> {
  edge: DraftEdge;
}

/** The one canvas node kind: every engine node type renders through the same component. */
export type WorkflowNode = Node<WorkflowNodeData, "workflow">;
export type WorkflowEdge = Edge<WorkflowEdgeData, "workflow">;

/** How a read-only overlay marks a node (live trace or version diff). */
export type NodeOverlay = "active" | "visited" | "failed" | "added" | "removed" | "changed";
/** How a read-only overlay marks an edge. */
export type EdgeOverlay = "taken" | "added" | "removed" | "changed";

/** Marks drawn over the canvas by the run view or the version diff, keyed by node / edge id. */
export interface CanvasOverlay {
  nodes?: Record<string, NodeOverlay>;
  edges?: Record<string, EdgeOverlay>;
}

/** Something a click in the problems list (or elsewhere) selects and centres on. */
export type CanvasTarget = { nodeId: string } | { edgeId: string };
