"use client";

import "@xyflow/react/dist/style.css";
import "../designer.css";

import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type EdgeTypes,
  type NodeTypes,
} from "@xyflow/react";
import { useContext, useEffect, useState, type DragEvent } from "react";
import { NODE_TYPES, type NodeType } from "~/engine";
import { readDraft } from "../graph-adapter";
import { createWorkflowStore } from "../store/workflow-store";
import { useWorkflowStore, WorkflowStoreContext } from "../store/store-context";
import type { CanvasOverlay, WorkflowEdge, WorkflowNode } from "../types";
import { NODE_COLORS } from "./node-appearance";
import { WorkflowEdgeView } from "./workflow-edge";
import { WorkflowNodeView } from "./workflow-node";

export type { CanvasOverlay, EdgeOverlay, NodeOverlay } from "../types";

/** The drag-and-drop payload type of a palette item. */
export const NODE_DRAG_TYPE = "application/x-flowgate-node-type";

/** Grid size for snapping and the background dots, in canvas pixels. */
export const GRID_SIZE = 16;

/** The minimap redraws every node on every change; above this size it costs more than it shows. */
const MINIMAP_NODE_LIMIT = 300;

const nodeTypes: NodeTypes = { workflow: WorkflowNodeView };
const edgeTypes: EdgeTypes = { workflow: WorkflowEdgeView };
const SNAP_GRID: [number, number] = [GRID_SIZE, GRID_SIZE];
const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];
const NO_OVERLAY: CanvasOverlay = {};
/** The first view: the whole workflow (zoom in from there to read the cards). */
const INITIAL_FIT = { padding: 0.1, minZoom: 0.2, maxZoom: 1.2 };
/** Above this many nodes the first view shows the start of the workflow rather than all of it. */
const LARGE_GRAPH = 60;

/** What the first view fits: everything, or for a large graph the neighbourhood of its start. */
function initialFit(nodes: readonly WorkflowNode[]) {
  if (nodes.length <= LARGE_GRAPH) return INITIAL_FIT;
  const start = nodes.find((node) => node.data.node.type === "start") ?? nodes[0];
  if (!start) return INITIAL_FIT;
  const near = nodes.filter(
    (node) => node.position.x >= start.position.x - 200 && node.position.x < start.position.x + 1600 && Math.abs(node.position.y - start.position.y) < 900,
  );
  return { ...INITIAL_FIT, nodes: near.map((node) => ({ id: node.id })) };
}
const KNOWN_TYPES: ReadonlySet<string> = new Set(NODE_TYPES);

export interface WorkflowCanvasProps {
  /**
   * The graph to show. Required outside the editor (read-only viewers: run traces, version diffs);
   * inside the editor the canvas shows the editor's store and ignores it.
   */
  graph?: unknown;
  /** No dragging, connecting or deleting; nodes and edges can still be clicked. */
  readOnly?: boolean;
  /** Marks drawn over nodes and edges (live trace, diff), keyed by id. */
  overlay?: CanvasOverlay;
  /** Called with the node id when a node is clicked. */
  onNodeClick?: (nodeId: string) => void;
  className?: string;
}

function minimapColor(node: WorkflowNode): string {
  return NODE_COLORS[node.data.node.type];
}

/** The React Flow view of the store in context. */
function CanvasView({ readOnly = false, overlay, onNodeClick, className }: Omit<WorkflowCanvasProps, "graph">) {
  const nodes = useWorkflowStore((state) => state.nodes);
  const edges = useWorkflowStore((state) => state.edges);
  const snapToGrid = useWorkflowStore((state) => state.snapToGrid);
  const actions = useWorkflowStore((state) => state.actions);
  const { screenToFlowPosition } = useReactFlow();
  const [fitOptions] = useState(() => initialFit(nodes));

  useEffect(() => {
    actions.setOverlay(overlay ?? NO_OVERLAY);
  }, [actions, overlay]);

  const onDragOver = (event: DragEvent) => {
    if (readOnly || !event.dataTransfer.types.includes(NODE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  };

  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(NODE_DRAG_TYPE);
    if (readOnly || !KNOWN_TYPES.has(type)) return;
    event.preventDefault();
    const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    actions.addNode(type as NodeType, { x: position.x - 110, y: position.y - 30 });
  };

  return (
    <div
      className={["wf-canvas", readOnly && "is-read-only", className].filter(Boolean).join(" ")}
      data-testid="workflow-canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <svg className="wf-markers" aria-hidden="true">
        <defs>
          <marker id="wf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="wf-arrow" />
          </marker>
          <marker id="wf-arrow-selected" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="wf-arrow is-selected" />
          </marker>
        </defs>
      </svg>
      <ReactFlow<WorkflowNode, WorkflowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={actions.onNodesChange}
        onEdgesChange={actions.onEdgesChange}
        onConnect={actions.connect}
        onNodeClick={onNodeClick && ((_, node) => onNodeClick(node.id))}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        snapToGrid={snapToGrid}
        snapGrid={SNAP_GRID}
        connectionLineType={ConnectionLineType.SmoothStep}
        onlyRenderVisibleElements
        fitView
        fitViewOptions={fitOptions}
        minZoom={0.05}
        maxZoom={2}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID_SIZE} size={1.2} />
        {nodes.length <= MINIMAP_NODE_LIMIT && <MiniMap<WorkflowNode> pannable zoomable nodeColor={minimapColor} ariaLabel="Minimap" />}
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

/** A canvas with its own store, for read-only viewers outside the editor. */
function StandaloneCanvas({ graph, ...props }: WorkflowCanvasProps) {
  const [store] = useState(() => createWorkflowStore(readable(graph)));
  useEffect(() => {
    store.getState().actions.replaceGraph(readable(graph), { record: false });
  }, [store, graph]);
  return (
    <WorkflowStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <CanvasView {...props} />
      </ReactFlowProvider>
    </WorkflowStoreContext.Provider>
  );
}

function readable(graph: unknown) {
  const read = readDraft(graph);
  return read.ok ? read.graph : { nodes: [], edges: [] };
}

/**
 * The workflow canvas, editable (inside the editor) or read-only (run traces, version diffs).
 *
 * @remarks Inside the editor it shows the editor's store. Elsewhere pass `graph` (any graph JSON):
 * the canvas keeps its own store and follows later `graph` values. `overlay` marks nodes
 * (active, visited, failed, added, removed, changed) and edges (taken, added, removed, changed).
 * @example <WorkflowCanvas graph={run.graph} readOnly overlay={{ nodes: { review: "active" } }} onNodeClick={open} />
 */
export function WorkflowCanvas(props: WorkflowCanvasProps) {
  const store = useContext(WorkflowStoreContext);
  if (store) return <CanvasView {...props} />;
  return <StandaloneCanvas {...props} />;
}
