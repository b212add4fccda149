import { testCondition } from "../expressions/evaluate";
import { tierEscalation, tierResultOf, type TierParams } from "./escalation-result";
import { joinStatus, type JoinParams } from "./join-status";
import { scopeOf } from "./scope";
import type { RunContext } from "./types";

type AnyEvent = { type: string; [key: string]: unknown };
type GuardArgs = { context: RunContext; event: AnyEvent };

/** Params of the `route` guard: the node's recorded outcome and/or an edge condition. */
export interface RouteParams {
  node: string;
  outcome?: string;
  condition?: string;
}

/** Params of the approval guards. */
export interface ApprovalParams {
  node: string;
  quorum: number;
  allowChanges: boolean;
}

const DECISIONS = new Set(["approve", "reject", "changes"]);

function isApprovalFor(event: AnyEvent, params: ApprovalParams): boolean {
  if (event.type !== "APPROVAL.DECIDED" || event.nodeId !== params.node) return false;
  if (typeof event.decision !== "string" || !DECISIONS.has(event.decision)) return false;
  return event.decision !== "changes" || params.allowChanges;
}

/** Distinct approvers so far, plus the one deciding now. */
export function approversWith(context: RunContext, params: ApprovalParams, event: AnyEvent): Set<string> {
  const votes = (context.steps[params.node]?.output as { votes?: { by: string; decision: string }[] } | undefined)?.votes ?? [];
  const approvers = new Set(votes.filter((vote) => vote.decision === "approve").map((vote) => vote.by));
  if (event.decision === "approve") approvers.add(String(event.by));
  return approvers;
}

/**
 * Guard implementations, referenced from the machine config by key. Every guard is pure and reads
 * only the context, the event and its params.
 */
export const guards = {
  /** The node took `outcome` (if given) and the edge condition (if any) holds. */
  route: ({ context }: GuardArgs, params: RouteParams) =>
    (params.outcome === undefined || context.steps[params.node]?.outcome === params.outcome) &&
    (params.condition === undefined || testCondition(params.condition, scopeOf(context))),
  /** Enough branches of the fork have arrived for its join to settle. */
  joinReady: ({ context }: GuardArgs, params: JoinParams) => joinStatus(context.forks[params.fork] ?? {}, params) !== "pending",
  /** A valid decision for this approval node. */
  approvalFor: ({ event }: GuardArgs, params: ApprovalParams) => isApprovalFor(event, params),
  /** A decision that settles the approval: reject, changes, or the approve that reaches the quorum. */
  approvalSettles: ({ context, event }: GuardArgs, params: ApprovalParams) =>
    isApprovalFor(event, params) && (event.decision !== "approve" || approversWith(context, params, event).size >= params.quorum),
  /** The timer with this id fired. */
  timerIs: ({ event }: GuardArgs, params: { timerId: string }) => event.type === "TIMER.FIRED" && event.timerId === params.timerId,
  /** The signal with this name arrived. */
  signalIs: ({ event }: GuardArgs, params: { name: string }) => event.type === "SIGNAL" && event.name === params.name,
  /** A result for this tier arrived. */
  tierResult: ({ event }: GuardArgs, params: TierParams) => tierResultOf(event, params) !== undefined,
  /** A result for this tier says the case is resolved. */
  tierResolved: ({ event }: GuardArgs, params: TierParams) => tierResultOf(event, params)?.resolved === true,
  /** A result for this tier fires one of its triggers. */
  tierEscalates: ({ context, event }: GuardArgs, params: TierParams) => {
    const result = tierResultOf(event, params);
    return result !== undefined && tierEscalation(context, params, result) !== undefined;
  },
  /** On entering a tier: the case text or amount already fires one of its triggers. */
  tierEscalatesOnEntry: ({ context }: GuardArgs, params: TierParams) => tierEscalation(context, params, { resolved: true }) !== undefined,
};
