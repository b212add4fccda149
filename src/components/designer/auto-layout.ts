import type { ELK as ElkInstance, ElkNode } from "elkjs/lib/elk.bundled.js";
import { layerPositions } from "./fallback-layout";
import type { WorkflowEdge, WorkflowNode } from "./types";

// ELK is a 1.6 MB script: loaded on the first auto-layout, not with the editor.
let elk: Promise<ElkInstance> | undefined;
const loadElk = () => (elk ??= import("elkjs/lib/elk.bundled.js").then(({ default: ELK }) => new ELK()));

/** Size assumed for a node React Flow has not measured yet (e.g. off screen). */
const FALLBACK_SIZE = { width: 240, height: 110 };

/**
 * Above this many nodes ELK (whose long edges turn into chains of dummy nodes) takes too long on
 * the main thread; the quick layering is used instead.
 */
export const ELK_NODE_LIMIT = 250;

const LAYOUT_OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.layered.spacing.nodeNodeBetweenLayers": "96",
  "elk.spacing.nodeNode": "48",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
};

/**
 * Computes a left-to-right layered layout (elkjs) of the canvas; returns each node's new position.
 *
 * @remarks Runs ELK in this thread (the bundled build, no worker script), so the page's CSP needs
 * nothing extra. Positions are snapped to the 16 px grid. Graphs above {@link ELK_NODE_LIMIT}
 * nodes get the quick layering instead.
 */
export async function layoutGraph(nodes: readonly WorkflowNode[], edges: readonly WorkflowEdge[]): Promise<Map<string, { x: number; y: number }>> {
  if (nodes.length > ELK_NODE_LIMIT) {
    return layerPositions(
      nodes.map((node) => ({ id: node.id, type: node.data.node.type })),
      edges,
    );
  }
  const ids = new Set(nodes.map((node) => node.id));
  const graph: ElkNode = {
    id: "root",
    layoutOptions: LAYOUT_OPTIONS,
    children: nodes.map((node) => ({
      id: node.id,
      width: node.measured?.width ?? FALLBACK_SIZE.width,
      height: node.measured?.height ?? FALLBACK_SIZE.height,
    })),
    edges: edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  };
  const laidOut = await (await loadElk()).layout(graph);
  const snap = (value: number) => Math.round(value / 16) * 16;
  return new Map((laidOut.children ?? []).map((child) => [child.id, { x: snap(child.x ?? 0), y: snap(child.y ?? 0) }]));
}
