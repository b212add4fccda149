import { assign } from "xstate";

import { testCondition } from "../expressions/evaluate";
import type { NodeConfig } from "../graph/node-types";
import { progressOf, tierEscalation, tierResultOf, type EscalationProgress, type TierParams } from "./escalation-result";
import { approversWith, type ApprovalParams } from "./guards";
import { joinStatus, type JoinParams } from "./join-status";
import { scopeOf } from "./scope";
import type { RunContext, StepActorOutput, StepRecord } from "./types";

type AnyEvent = { type: string; [key: string]: unknown };
type ActionArgs = { context: RunContext; event: AnyEvent };

/** An `assign` typed for the compiled machine (no spawned actors). */
function update<Params>(change: (args: ActionArgs, params: Params) => Partial<RunContext>) {
  return assign<RunContext, AnyEvent, Params, AnyEvent, never>(change);
}

function withStep(context: RunContext, node: string, record: StepRecord): Pick<RunContext, "steps"> {
  return { steps: { ...context.steps, [node]: record } };
}

function withFork(context: RunContext, fork: string, results: Record<string, "succeeded" | "failed">): Pick<RunContext, "forks"> {
  return { forks: { ...context.forks, [fork]: results } };
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}

function nextTierProgress(context: RunContext, params: TierParams & { next?: string }, entry: EscalationProgress["history"][number], failed: boolean) {
  const progress = progressOf(context, params.node);
  const errors = params.next ? 0 : progress.errors + (failed ? 1 : 0);
  return { tier: params.next ?? progress.tier, errors, history: [...progress.history, entry] };
}

/**
 * Action implementations, referenced from the machine config by key. All are `assign`s: the
 * context stays plain JSON and every step is deterministic.
 */
export const actions = {
  /** Clears the branch results when a parallel node starts. */
  openFork: update(({ context }: ActionArgs, params: { fork: string }) => withFork(context, params.fork, {})),
  /** Marks a branch failed (it reached the join through a failure outcome). */
  failBranch: update(({ context }: ActionArgs, params: { fork: string; branch: string }) =>
    withFork(context, params.fork, { ...context.forks[params.fork], [params.branch]: "failed" }),
  ),
  /** Records a branch's arrival at the join (succeeded unless marked failed). */
  arrive: update(({ context }: ActionArgs, params: { fork: string; branch: string }) => {
    const results = context.forks[params.fork] ?? {};
    return withFork(context, params.fork, { ...results, [params.branch]: results[params.branch] ?? "succeeded" });
  }),
  /** Records the join's outcome and the branch results, and closes the fork. */
  settleJoin: update(({ context }: ActionArgs, params: JoinParams & { node: string }) => {
    const branches = context.forks[params.fork] ?? {};
    const forks = { ...context.forks };
    delete forks[params.fork];
    const outcome = joinStatus(branches, params) === "done" ? "done" : "failed";
    return { ...withStep(context, params.node, { outcome, output: { branches } }), forks };
  }),
  /** Stores an actor's result; its outcome must be one of `allowed`, else `fallback` is used. */
  recordResult: update(({ context, event }: ActionArgs, params: { node: string; allowed: string[]; fallback: string }) => {
    const result = (event.output ?? {}) as StepActorOutput;
    const outcome = typeof result.outcome === "string" && params.allowed.includes(result.outcome) ? result.outcome : params.fallback;
    return withStep(context, params.node, { outcome, output: result.output ?? null });
  }),
  /** Stores an actor's failure under the given outcome. */
  recordError: update(({ context, event }: ActionArgs, params: { node: string; outcome: string }) =>
    withStep(context, params.node, { outcome: params.outcome, error: { message: messageOf(event.error) } }),
  ),
  /** Evaluates inline decision rules in order; the first that holds picks the outcome. */
  decide: update(({ context }: ActionArgs, params: { node: string; rules: Extract<NodeConfig<"decision">, { source: "inline" }>["rules"]; defaultOutcome: string }) => {
    const scope = scopeOf(context);
    const rule = params.rules.findIndex((candidate) => testCondition(candidate.when, scope));
    const outcome = rule === -1 ? params.defaultOutcome : params.rules[rule]!.outcome;
    return withStep(context, params.node, { outcome, output: { outcome, rule: rule === -1 ? null : rule } });
  }),
  /** Opens an approval: no votes yet. */
  openApproval: update(({ context }: ActionArgs, params: { node: string }) => withStep(context, params.node, { output: { votes: [] } })),
  /** Records a vote; sets the outcome once the decision is settled. */
  recordApproval: update(({ context, event }: ActionArgs, params: ApprovalParams) => {
    const previous = (context.steps[params.node]?.output as { votes?: unknown[] } | undefined)?.votes ?? [];
    const vote = { by: String(event.by), decision: String(event.decision), ...(typeof event.comment === "string" ? { comment: event.comment } : {}) };
    const settled = event.decision !== "approve" || approversWith(context, params, event).size >= params.quorum;
    return withStep(context, params.node, {
      ...(settled ? { outcome: String(event.decision) } : {}),
      output: { votes: [...previous, vote] },
    });
  }),
  /** Sets a node's outcome, keeping its output. */
  setOutcome: update(({ context }: ActionArgs, params: { node: string; outcome: string }) =>
    withStep(context, params.node, { ...context.steps[params.node], outcome: params.outcome }),
  ),
  /** Records a received signal and its payload. */
  recordSignal: update(({ context, event }: ActionArgs, params: { node: string }) =>
    withStep(context, params.node, { outcome: "done", output: event.payload ?? null }),
  ),
  /** Opens an escalation at its first tier. */
  openEscalation: update(({ context }: ActionArgs, params: { node: string; tier: string }) =>
    withStep(context, params.node, { output: { tier: params.tier, errors: 0, history: [] } satisfies EscalationProgress }),
  ),
  /**
   * Records what a tier did: escalated to `next` (with the reason), resolved (`outcome` = tier),
   * gave up (`outcome` = unresolved), or failed and stays.
   */
  recordTier: update(({ context, event }: ActionArgs, params: TierParams & { next?: string; outcome?: string; reason?: string; onEntry?: boolean }) => {
    const result = params.onEntry ? undefined : tierResultOf(event, params);
    const reason = params.next ? (params.reason ?? tierEscalation(context, params, result ?? { resolved: true })) : undefined;
    const entry = {
      tier: params.tier,
      resolved: result?.resolved ?? false,
      ...(reason ? { escalated: reason } : {}),
      ...(result?.by ? { by: result.by } : {}),
      ...(result?.output !== undefined ? { output: result.output } : {}),
      ...(result?.error ? { error: result.error } : {}),
    };
    const output = nextTierProgress(context, params, entry, result !== undefined && !result.resolved);
    return withStep(context, params.node, { ...(params.outcome ? { outcome: params.outcome } : {}), output });
  }),
  /** Records how the run ended. */
  finish: update((_: ActionArgs, params: { node: string; outcome: NonNullable<RunContext["result"]>["outcome"] }) => ({
    result: { outcome: params.outcome, endNode: params.node },
  })),
};
