import { durationToMs, runGuardrail, type GuardrailFacts, type NodeConfig, type StepActorOutput } from "~/engine";
import type { StepCall } from "./step-context";
import type { StepEnv } from "./step-env";

type Resolved = { values?: unknown[] };

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function startOfUtcMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * The numbers a guardrail needs that only the database knows: model spend of this run, of this
 * workflow today and this month; and for each rate counter, how often it happened in its window
 * for this workflow (`runs` counts started runs, any other key calls of that connector).
 */
async function factsFor(env: StepEnv, call: StepCall<NodeConfig<"guardrail">>): Promise<GuardrailFacts> {
  const { db, clock } = env;
  const now = clock.now();
  const { id: runId, workflowId } = call.run;
  const spentSince = async (since: Date) =>
    (await db.modelCall.aggregate({ _sum: { costUsd: true }, where: { workflowId, createdAt: { gte: since } } }))._sum.costUsd ?? 0;
  const [run, day, month] = await Promise.all([
    db.modelCall.aggregate({ _sum: { costUsd: true }, where: { runId } }).then((sum) => sum._sum.costUsd ?? 0),
    spentSince(startOfUtcDay(now)),
    spentSince(startOfUtcMonth(now)),
  ]);
  const counts: Record<string, number> = {};
  for (const check of call.input.config.checks) {
    if (check.kind !== "rate") continue;
    const since = new Date(now.getTime() - durationToMs(check.window));
    counts[check.key] =
      check.key === "runs"
        ? await db.run.count({ where: { workflowId, createdAt: { gte: since } } })
        : await db.toolInvocation.count({ where: { connector: check.key, run: { workflowId }, createdAt: { gte: since } } });
  }
  return { spent: { run, day, month }, counts };
}

/** A guardrail node: every check must pass; a block names the check and why. */
export async function runGuardrailStep(env: StepEnv, call: StepCall<NodeConfig<"guardrail">>): Promise<StepActorOutput> {
  call.run.attributeStep(call.input.nodeId, "guardrail");
  const resolved = call.input.resolved as Resolved;
  return runGuardrail(call.input.config, resolved.values ?? [], await factsFor(env, call));
}
