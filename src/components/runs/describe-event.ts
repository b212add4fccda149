import type { NodeType } from "~/engine";
import { fieldOf } from "./json-field";
import { eventOf, stepEndOf, type TraceRow } from "./trace";

/** What the timeline needs to know about the graph: node labels and types. */
export type NodeLookup = ReadonlyMap<string, { label: string; type: NodeType }>;

/** Turns a user id into a name to show; unknown ids get a neutral word. */
export type NameOf = (userId: string) => string;

const DECISION_WORDS: Record<string, string> = { approve: "approved", reject: "rejected", changes: "changes requested" };

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}


/**
 * Who did something, in plain words: a person (by name), a connector or model, or the system.
 *
 * @example actorLabel("connector:purchaseOrder.lookup", nameOf) // "purchaseOrder.lookup"
 */
export function actorLabel(actor: string, nameOf: NameOf): string {
  const [kind, ...rest] = actor.split(":");
  const id = rest.join(":");
  if (kind === "user" && id) return nameOf(id);
  if ((kind === "connector" || kind === "model") && id) return id;
  if (kind === "system") return "System";
  return actor;
}

function labelOf(nodes: NodeLookup, nodeId: string): string {
  return nodes.get(nodeId)?.label || nodeId;
}

function finishedStep(nodes: NodeLookup, nodeId: string, outcome: string): string {
  const label = labelOf(nodes, nodeId);
  switch (nodes.get(nodeId)?.type) {
    case "guardrail":
      return outcome === "block" ? `Guardrail blocked: ${label}` : `Guardrail passed: ${label}`;
    case "llm":
      return outcome === "fallback" ? `Model unavailable, fallback taken: ${label}` : `Model answered: ${label}`;
    case "decision":
      return `Decision made: ${label} → ${outcome}`;
    case "escalation":
      return `Escalation tier answered: ${label}`;
    default:
      return `Step finished: ${label}`;
  }
}

/**
 * A ledger row in plain words, for the timeline.
 *
 * @example describeRow(row, nodes, nameOf) // "Approval decided by Alex Approver: approved"
 */
export function describeRow(row: TraceRow & { actor: string }, nodes: NodeLookup, nameOf: NameOf): string {
  const event = eventOf(row);
  const ended = stepEndOf(row);
  const who = actorLabel(row.actor, nameOf);
  if (row.type === "xstate.init") return "Run started";
  if (row.type === "RUN.CANCELLED") return "Run cancelled";
  if (row.type === "RUN.FAILED") return "Run failed";
  if (row.type.startsWith("xstate.error.actor.") && ended) return `Step failed: ${labelOf(nodes, ended.nodeId)}`;
  if (row.type.startsWith("xstate.done.actor.") && ended) return finishedStep(nodes, ended.nodeId, ended.outcome);
  if (row.type === "APPROVAL.DECIDED") {
    const decision = String(fieldOf(event, "decision") ?? "");
    return `Approval decided by ${who}: ${DECISION_WORDS[decision] ?? decision}`;
  }
  if (row.type === "ESCALATION.RESULT") {
    return `Escalation answered by ${who}: ${fieldOf(event, "resolved") === true ? "resolved" : "passed on"}`;
  }
  if (row.type === "TIMER.FIRED") return `Timer fired: ${text(fieldOf(event, "timerId")) ?? "timer"}`;
  if (row.type === "SIGNAL") return `Signal received: ${text(fieldOf(event, "name")) ?? "signal"}`;
  return row.type;
}

/** "Look up purchase order → Compute variance": where a row's transition went, by node label. */
export function movementOf(row: TraceRow, nodes: NodeLookup): string {
  const names = (ids: string[]) => ids.map((id) => labelOf(nodes, id)).join(", ") || "—";
  return `${names(row.fromNodes)} → ${names(row.toNodes)}`;
}
