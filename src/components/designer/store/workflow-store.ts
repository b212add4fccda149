import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from "@xyflow/react";
import { createStore } from "zustand/vanilla";
import { ID_PATTERN, type NodeType, type Problem } from "~/engine";
import { copyFragment, pasteFragment, type GraphFragment } from "../clipboard";
import { toFlow, toFlowEdge, toFlowNode, toGraph } from "../graph-adapter";
import { commit, createHistory, redo, undo, type History } from "../history";
import { createNode } from "../new-node";
import { nextEdgeId } from "../node-ids";
import { EMPTY_PROBLEM_INDEX, indexProblems, type ProblemIndex } from "../problem-index";
import type { CanvasOverlay, CanvasTarget, DraftEdge, DraftGraph, DraftNode, GraphMeta, WorkflowEdge, WorkflowNode } from "../types";

/** Ids of the selected nodes and edges. */
export interface Selection {
  nodeIds: string[];
  edgeIds: string[];
}

/** What the designer can do; stable functions, so components select them without re-rendering. */
export interface WorkflowActions {
  onNodesChange: (changes: NodeChange<WorkflowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<WorkflowEdge>[]) => void;
  connect: (connection: Connection) => void;
  /** Adds a node of `type` at a canvas position and selects it; returns its id. */
  addNode: (type: NodeType, position: { x: number; y: number }) => string;
  /** Changes a node's label, description or config; `key` merges a burst of edits into one undo step. */
  updateNode: (id: string, patch: Partial<Pick<DraftNode, "label" | "description" | "config">>, key?: string) => void;
  /** Renames a node and every edge and reference to it; returns an error message, or null. */
  renameNode: (id: string, next: string) => string | null;
  /** Changes an edge's fields; a field set to undefined is removed. */
  updateEdge: (id: string, patch: Partial<DraftEdge>, key?: string) => void;
  deleteSelection: () => void;
  deleteElement: (target: CanvasTarget) => void;
  copySelection: () => void;
  paste: () => void;
  /** Selects exactly one node or edge (or nothing). */
  select: (target: CanvasTarget | null) => void;
  selectAll: () => void;
  undo: () => void;
  redo: () => void;
  /** Replaces the whole graph: `record` keeps it undoable (import), otherwise history restarts (reload). */
  replaceGraph: (graph: DraftGraph, options: { record: boolean }) => void;
  /** Moves nodes (auto-layout) in one undoable step. */
  applyPositions: (positions: ReadonlyMap<string, { x: number; y: number }>) => void;
  setProblems: (problems: Problem[]) => void;
  setOverlay: (overlay: CanvasOverlay) => void;
  toggleSnapToGrid: () => void;
}

/** The designer's state: the canvas view, the committed graph with its history, problems, overlay. */
export interface WorkflowState {
  meta: GraphMeta;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  /** `history.present` is the committed engine graph: what validation and autosave read. */
  history: History<DraftGraph>;
  selection: Selection;
  problems: Problem[];
  /** Whether validation has run at least once (until then the problems are unknown, not none). */
  validated: boolean;
  problemIndex: ProblemIndex;
  overlay: CanvasOverlay;
  snapToGrid: boolean;
  clipboard: GraphFragment | null;
  actions: WorkflowActions;
}

export type WorkflowStore = ReturnType<typeof createWorkflowStore>;

const NO_SELECTION: Selection = { nodeIds: [], edgeIds: [] };

function selectionOf(nodes: readonly WorkflowNode[], edges: readonly WorkflowEdge[]): Selection {
  const nodeIds = nodes.filter((node) => node.selected).map((node) => node.id);
  const edgeIds = edges.filter((edge) => edge.selected).map((edge) => edge.id);
  return nodeIds.length === 0 && edgeIds.length === 0 ? NO_SELECTION : { nodeIds, edgeIds };
}

function withSelected<Item extends { id: string; selected?: boolean }>(items: readonly Item[], isSelected: (item: Item) => boolean): Item[] {
  return items.map((item) => (Boolean(item.selected) === isSelected(item) ? item : { ...item, selected: isSelected(item) }));
}

function withoutUndefined<Value extends Record<string, unknown>>(value: Value): Value {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Value;
}

/** A task's compensation names another node; renaming that node keeps the reference. */
function renameReferences(node: WorkflowNode, from: string, to: string): WorkflowNode {
  const config = node.data.node.config as Record<string, unknown> | null;
  if (node.data.node.type !== "task" || config?.compensation !== from) return node;
  return { ...node, data: { node: { ...node.data.node, config: { ...config, compensation: to } } } };
}

/**
 * Creates the designer's store for one graph.
 *
 * @remarks One store per editor (or per read-only canvas). The canvas view (React Flow nodes and
 * edges) changes on every drag frame; the engine graph is committed to history only at the end of
 * a user action, so validation and autosave see whole steps.
 */
export function createWorkflowStore(graph: DraftGraph) {
  const initial = toFlow(graph);
  return createStore<WorkflowState>()((set, get) => {
    /** Records the new canvas state as one undoable step. */
    const commitFlow = (nodes: WorkflowNode[], edges: WorkflowEdge[], key?: string) => {
      const { meta, history } = get();
      set({ nodes, edges, history: commit(history, toGraph(meta, nodes, edges), key), selection: selectionOf(nodes, edges) });
    };

    const showGraph = (history: History<DraftGraph>) => {
      const { meta, nodes, edges } = toFlow(history.present);
      set({ meta, nodes, edges, history, selection: selectionOf(nodes, edges) });
    };

    const movedSinceCommit = (nodes: readonly WorkflowNode[], ids: ReadonlySet<string>) => {
      const committed = new Map(get().history.present.nodes.map((node) => [node.id, node.position]));
      return nodes.some((node) => {
        if (!ids.has(node.id)) return false;
        const before = committed.get(node.id);
        return before?.x !== node.position.x || before?.y !== node.position.y;
      });
    };

    const actions: WorkflowActions = {
      onNodesChange: (changes) => {
        const nodes = applyNodeChanges(changes, get().nodes);
        const dropped = new Set(changes.flatMap((change) => (change.type === "position" && change.dragging === false ? [change.id] : [])));
        if (dropped.size > 0 && movedSinceCommit(nodes, dropped)) {
          commitFlow(nodes, get().edges);
          return;
        }
        const selectionChanged = changes.some((change) => change.type === "select");
        set(selectionChanged ? { nodes, selection: selectionOf(nodes, get().edges) } : { nodes });
      },

      onEdgesChange: (changes) => {
        const edges = applyEdgeChanges(changes.filter((change) => change.type === "select"), get().edges);
        set({ edges, selection: selectionOf(get().nodes, edges) });
      },

      connect: (connection) => {
        if (!connection.sourceHandle) return;
        const { edges, nodes } = get();
        const id = nextEdgeId(new Set(edges.map((edge) => edge.id)));
        const edge = toFlowEdge({ id, source: connection.source, sourceHandle: connection.sourceHandle, target: connection.target });
        commitFlow(nodes, [...edges, edge]);
      },

      addNode: (type, position) => {
        const { nodes, edges } = get();
        const node = createNode(type, position, new Set(nodes.map((existing) => existing.id)));
        const added: WorkflowNode = { ...toFlowNode(node), selected: true };
        commitFlow(
          [...withSelected(nodes, () => false), added],
          withSelected(edges, () => false),
        );
        return node.id;
      },

      updateNode: (id, patch, key) => {
        const nodes = get().nodes.map((node) =>
          node.id === id ? { ...node, data: { node: withoutUndefined({ ...node.data.node, ...patch }) } } : node,
        );
        commitFlow(nodes, get().edges, key);
      },

      renameNode: (id, next) => {
        if (next === id) return null;
        if (!ID_PATTERN.test(next)) return "Use a letter followed by letters, digits, '_' or '-' (at most 64 characters).";
        const { nodes, edges } = get();
        if (nodes.some((node) => node.id === next)) return `Another node is already called "${next}".`;
        const renamedNodes = nodes.map((node) =>
          node.id === id ? { ...node, id: next, data: { node: { ...node.data.node, id: next } } } : renameReferences(node, id, next),
        );
        const renamedEdges = edges.map((edge) => {
          if (edge.source !== id && edge.target !== id) return edge;
          const source = edge.source === id ? next : edge.source;
          const target = edge.target === id ? next : edge.target;
          const data = edge.data?.edge;
          return { ...edge, source, target, data: data && { edge: { ...data, source, target } } };
        });
        commitFlow(renamedNodes, renamedEdges);
        return null;
      },

      updateEdge: (id, patch, key) => {
        const edges = get().edges.map((edge) => {
          if (edge.id !== id || !edge.data) return edge;
          return { ...edge, data: { edge: withoutUndefined({ ...edge.data.edge, ...patch }) } };
        });
        commitFlow(get().nodes, edges, key);
      },

      deleteSelection: () => {
        const { nodes, edges } = get();
        const doomed = new Set(nodes.filter((node) => node.selected).map((node) => node.id));
        const keptEdges = edges.filter((edge) => !edge.selected && !doomed.has(edge.source) && !doomed.has(edge.target));
        if (doomed.size === 0 && keptEdges.length === edges.length) return;
        commitFlow(
          nodes.filter((node) => !doomed.has(node.id)),
          keptEdges,
        );
      },

      deleteElement: (target) => {
        const { nodes, edges } = get();
        if ("edgeId" in target) {
          commitFlow(nodes, edges.filter((edge) => edge.id !== target.edgeId));
          return;
        }
        commitFlow(
          nodes.filter((node) => node.id !== target.nodeId),
          edges.filter((edge) => edge.source !== target.nodeId && edge.target !== target.nodeId),
        );
      },

      copySelection: () => {
        const { selection, history } = get();
        if (selection.nodeIds.length === 0) return;
        set({ clipboard: copyFragment(history.present, new Set(selection.nodeIds)) });
      },

      paste: () => {
        const { clipboard, nodes, edges, history } = get();
        if (!clipboard || clipboard.nodes.length === 0) return;
        const pasted = pasteFragment(clipboard, history.present);
        commitFlow(
          [...withSelected(nodes, () => false), ...pasted.nodes.map((node) => ({ ...toFlowNode(node), selected: true }))],
          [...withSelected(edges, () => false), ...pasted.edges.map(toFlowEdge)],
        );
        set({ clipboard: pasted });
      },

      select: (target) => {
        const nodeId = target && "nodeId" in target ? target.nodeId : undefined;
        const edgeId = target && "edgeId" in target ? target.edgeId : undefined;
        const nodes = withSelected(get().nodes, (node) => node.id === nodeId);
        const edges = withSelected(get().edges, (edge) => edge.id === edgeId);
        set({ nodes, edges, selection: selectionOf(nodes, edges) });
      },

      selectAll: () => {
        const nodes = withSelected(get().nodes, () => true);
        const edges = withSelected(get().edges, () => true);
        set({ nodes, edges, selection: selectionOf(nodes, edges) });
      },

      undo: () => {
        const history = undo(get().history);
        if (history !== get().history) showGraph(history);
      },

      redo: () => {
        const history = redo(get().history);
        if (history !== get().history) showGraph(history);
      },

      replaceGraph: (next, { record }) => {
        showGraph(record ? commit(get().history, next) : createHistory(next));
      },

      applyPositions: (positions) => {
        const nodes = get().nodes.map((node) => {
          const position = positions.get(node.id);
          return position ? { ...node, position } : node;
        });
        commitFlow(nodes, get().edges);
      },

      setProblems: (problems) => set({ problems, validated: true, problemIndex: indexProblems(problems, get().history.present) }),

      setOverlay: (overlay) => set({ overlay }),

      toggleSnapToGrid: () => set({ snapToGrid: !get().snapToGrid }),
    };

    return {
      meta: initial.meta,
      nodes: initial.nodes,
      edges: initial.edges,
      history: createHistory(graph),
      selection: selectionOf(initial.nodes, initial.edges),
      problems: [],
      validated: false,
      problemIndex: EMPTY_PROBLEM_INDEX,
      overlay: {},
      snapToGrid: true,
      clipboard: null,
      actions,
    };
  });
}
