import { isFailureOutcome, type NodeType } from "~/engine";
import { fieldOf } from "./json-field";

/** The part of a ledger row the trace is derived from. */
export interface TraceRow {
  seq: number;
  type: string;
  fromNodes: string[];
  toNodes: string[];
  payload: unknown;
}

/** The part of a workflow graph the trace needs. */
export interface TraceGraph {
  nodes: readonly { id: string; type: NodeType }[];
  edges: readonly { id: string; source: string; sourceHandle: string; target: string }[];
}

/** What a run had done as of one ledger row. */
export interface TraceState {
  /** The seq the state is taken at (0 before the first row). */
  seq: number;
  /** Nodes the run stood at after that row (an end node reached is visited, not active). */
  active: string[];
  /** Every node the run entered or left up to that row, in first-visit order. */
  visited: string[];
  /** Nodes whose step ended with a failure outcome (error, block, reject, timeout…). */
  failed: string[];
  /** Ids of the edges the run followed. */
  taken: string[];
}

/** How a node or edge is drawn over the canvas. */
export type NodeMark = "active" | "visited" | "failed";
export type EdgeMark = "taken";

export interface TraceOverlay {
  nodes: Record<string, NodeMark>;
  edges: Record<string, EdgeMark>;
}

/** A step that ended in a row: which node, with which outcome. */
export interface StepEnd {
  nodeId: string;
  outcome: string;
}

const ACTOR_EVENT = /^xstate\.(done|error)\.actor\.([^.]+)/;


/** The machine event a row recorded (`payload.event`). */
export function eventOf(row: Pick<TraceRow, "payload">): unknown {
  return fieldOf(row.payload, "event");
}

/** The nodes a row's transition entered, in order (`payload.path`). */
export function pathOf(row: Pick<TraceRow, "payload">): string[] {
  const path = fieldOf(row.payload, "path");
  return Array.isArray(path) ? path.filter((id): id is string => typeof id === "string") : [];
}

/**
 * The step a row ended, if it ended one: a finished or failed step actor, an approval decision
 * (reject and changes decide at once), or a deadline or timeout timer.
 *
 * @example stepEndOf({ type: "xstate.error.actor.lookupPo", ... }) // { nodeId: "lookupPo", outcome: "error" }
 */
export function stepEndOf(row: TraceRow): StepEnd | null {
  const event = eventOf(row);
  const actor = ACTOR_EVENT.exec(row.type);
  if (actor?.[1] && actor[2]) {
    if (actor[1] === "error") return { nodeId: actor[2], outcome: "error" };
    const outcome = fieldOf(fieldOf(event, "output"), "outcome");
    return { nodeId: actor[2], outcome: typeof outcome === "string" ? outcome : "success" };
  }
  if (row.type === "APPROVAL.DECIDED") {
    const nodeId = fieldOf(event, "nodeId");
    const decision = fieldOf(event, "decision");
    return typeof nodeId === "string" && typeof decision === "string" ? { nodeId, outcome: decision } : null;
  }
  if (row.type === "TIMER.FIRED") {
    const match = /^([^.]+)\.(deadline|timeout)$/.exec(String(fieldOf(event, "timerId") ?? ""));
    return match?.[1] ? { nodeId: match[1], outcome: "timeout" } : null;
  }
  return null;
}

/**
 * Merges ledger rows into an ordered list without duplicates: a row already held (same seq) is
 * kept as it is, so backlog, live rows and refetches can overlap freely.
 */
export function mergeRows<T extends { seq: number }>(current: readonly T[], incoming: readonly T[]): T[] {
  if (incoming.length === 0) return current as T[];
  const bySeq = new Map<number, T>();
  for (const row of current) bySeq.set(row.seq, row);
  let added = false;
  for (const row of incoming) {
    if (bySeq.has(row.seq)) continue;
    bySeq.set(row.seq, row);
    added = true;
  }
  if (!added) return current as T[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function pickEdge(graph: TraceGraph, sources: readonly string[], target: string, outcomes: ReadonlyMap<string, string>) {
  for (const source of sources) {
    const edges = graph.edges.filter((edge) => edge.source === source && edge.target === target);
    if (edges.length === 0) continue;
    const outcome = outcomes.get(source);
    return edges.find((edge) => edge.sourceHandle === outcome) ?? edges[0];
  }
  return undefined;
}

/**
 * The trace as of `uptoSeq` (all rows when omitted): active nodes are the last row's `toNodes`
 * (less end nodes: a run that reached one has finished),
 * visited nodes everything entered or left so far, taken edges the edges between consecutive
 * nodes of each transition (the nodes it left, then `payload.path` in order), failed nodes the
 * steps that ended with a failure outcome of their type.
 *
 * @remarks `finalSteps` (the run context's `steps`) adds failures the rows do not name; it is
 * used only when the state is taken at the last row.
 * @example traceAt(graph, rows, { uptoSeq: 3 }).active // ["review"]
 */
export function traceAt(
  graph: TraceGraph,
  rows: readonly TraceRow[],
  options: { uptoSeq?: number; finalSteps?: Readonly<Record<string, { outcome?: string } | undefined>> } = {},
): TraceState {
  const { uptoSeq = Number.POSITIVE_INFINITY, finalSteps } = options;
  const types = new Map(graph.nodes.map((node) => [node.id, node.type]));
  const startId = graph.nodes.find((node) => node.type === "start")?.id;
  const visited = new Set<string>();
  const failed = new Set<string>();
  const taken = new Set<string>();
  const outcomes = new Map<string, string>();
  let active: string[] = [];
  let seq = 0;
  const isFailure = (nodeId: string, outcome: string) => {
    const type = types.get(nodeId);
    return type !== undefined && isFailureOutcome(type, outcome);
  };

  for (const row of rows) {
    if (row.seq > uptoSeq) break;
    seq = row.seq;
    const ended = stepEndOf(row);
    if (ended) {
      outcomes.set(ended.nodeId, ended.outcome);
      if (isFailure(ended.nodeId, ended.outcome)) failed.add(ended.nodeId);
    }
    if (row.type === "RUN.FAILED") for (const id of row.fromNodes) failed.add(id);
    // The first row leaves the start node, which the machine passes through without stopping.
    const left = row.fromNodes.length === 0 && startId && visited.size === 0 ? [startId] : row.fromNodes;
    const sources = [...(ended ? [ended.nodeId] : []), ...left];
    for (const id of left) visited.add(id);
    for (const target of pathOf(row)) {
      const edge = pickEdge(graph, sources, target, outcomes);
      if (edge) taken.add(edge.id);
      visited.add(target);
      sources.unshift(target);
    }
    for (const id of row.toNodes) visited.add(id);
    active = row.toNodes.filter((id) => types.get(id) !== "end");
  }

  const last = rows.at(-1);
  if (finalSteps && last && seq === last.seq) {
    for (const [nodeId, step] of Object.entries(finalSteps)) {
      if (step?.outcome && isFailure(nodeId, step.outcome)) failed.add(nodeId);
    }
  }
  return { seq, active: [...active], visited: [...visited], failed: [...failed], taken: [...taken] };
}

/** The canvas overlay of a trace state: active wins over failed, failed over visited. */
export function overlayOf(state: TraceState): TraceOverlay {
  const nodes: Record<string, NodeMark> = {};
  for (const id of state.visited) nodes[id] = "visited";
  for (const id of state.failed) nodes[id] = "failed";
  for (const id of state.active) nodes[id] = "active";
  return { nodes, edges: Object.fromEntries(state.taken.map((id) => [id, "taken" as const])) };
}
