import type { NodeType } from "../graph/node-types";
import type { RUN_OUTCOMES } from "../graph/nodes/end";

/** What a node left behind in `context.steps[nodeId]`; expressions read it as `steps.<nodeId>.*`. */
export interface StepRecord {
  /** The outcome (handle) the node took, once it finished. */
  outcome?: string;
  /** The node's result: connector or model output, approval votes, escalation history, … */
  output?: unknown;
  /** Set when the node failed. */
  error?: { message: string };
}

/** Branch results of the parallel nodes currently open. */
export type ForkState = Record<string, Record<string, "succeeded" | "failed">>;

/** The machine's context: JSON only, so snapshots persist as they are. */
export interface RunContext {
  /** The run input (the start node's fields). */
  input: Record<string, unknown>;
  /** Step records by node id. */
  steps: Record<string, StepRecord>;
  /** Branch results per open parallel node. */
  forks: ForkState;
  /** Set when the run reaches an end node. */
  result?: { outcome: (typeof RUN_OUTCOMES)[number]; endNode: string };
}

/** Decision of one approver. */
export type ApprovalDecision = "approve" | "reject" | "changes";

/** Events the compiled machine accepts from the runtime (besides XState's actor done/error events). */
export type FlowgateEvent =
  | { type: "APPROVAL.DECIDED"; nodeId: string; decision: ApprovalDecision; by: string; comment?: string }
  | {
      type: "ESCALATION.RESULT";
      nodeId: string;
      tier: string;
      resolved: boolean;
      confidence?: number;
      text?: string;
      output?: unknown;
      by?: string;
    }
  | { type: "SIGNAL"; name: string; payload?: unknown }
  | { type: "TIMER.FIRED"; timerId: string };

/** Event type names, for the runtime and the docs. */
export const EVENT_TYPES = ["APPROVAL.DECIDED", "ESCALATION.RESULT", "SIGNAL", "TIMER.FIRED"] as const;

/** Keys of the actors the runtime must provide with `machine.provide({ actors })`. */
export const ACTOR_KEYS = ["task", "llm", "decision", "guardrail", "escalation"] as const;
export type ActorKey = (typeof ACTOR_KEYS)[number];

/** Input every invoked actor receives. `resolved` holds the node's expressions evaluated over the run. */
export interface StepActorInput {
  nodeId: string;
  nodeType: NodeType;
  config: unknown;
  /** Escalation only: the tier being handled. */
  tier?: string;
  resolved: Record<string, unknown>;
  /** Read-only copy of the run's input and step records. */
  context: Pick<RunContext, "input" | "steps">;
}

/**
 * What an invoked actor resolves with. `outcome` picks among the node's non-error outcomes (task
 * and llm: `success`, llm with fallback also `fallback`; decision: one of its outcomes; guardrail:
 * `pass` or `block`); `output` is stored as `steps.<nodeId>.output`.
 * Escalation actors resolve with `{ resolved, confidence?, text?, output? }` instead.
 */
export interface StepActorOutput {
  outcome?: string;
  output?: unknown;
}

/** A durable timer the runtime must arm while its state is active. */
export interface TimerSpec {
  id: string;
  /** ISO 8601 duration from state entry. */
  delay?: string;
  /** Expression giving an ISO 8601 time (wait until). */
  at?: string;
}

/** `meta` of every compiled state that belongs to a node. */
export interface StateMeta {
  nodeId: string;
  nodeType: NodeType;
  timers?: TimerSpec[];
}
