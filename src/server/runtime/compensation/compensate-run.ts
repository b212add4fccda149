import { durationToMs, evaluateMapping, validateGraph, type NodeOf, type RunContext } from "~/engine";
import { callConnector } from "~/server/runtime/steps/call-connector";
import type { StepEnv } from "~/server/runtime/steps/step-env";
import type { ExternalRow } from "~/server/runtime/ledger/append-row";

const COMPENSATED_STATUSES = ["failed", "cancelled"];

/**
 * Undoes what a failed or cancelled run did: for each side effect that succeeded (newest first)
 * whose task names a compensation step, runs that step's connector with its input mapped over
 * the run as it ended, and records the result in the ledger.
 *
 * @remarks Each compensation has its own idempotency key (the original call's key +
 * `:compensate`), so running this again (after a restart) redoes nothing that finished and
 * retries what was interrupted; compensations already recorded are skipped.
 * @returns how many compensations were recorded by this call.
 */
export async function compensateRun(env: StepEnv, append: (row: ExternalRow) => Promise<void>, runId: string): Promise<number> {
  const run = await env.db.run.findUnique({ where: { id: runId } });
  if (!run || !COMPENSATED_STATUSES.includes(run.status)) return 0;
  const parsed = validateGraph(JSON.parse(run.graph));
  if (!parsed.ok) return 0;
  const tasks = new Map(parsed.graph.nodes.filter((node): node is NodeOf<"task"> => node.type === "task").map((node) => [node.id, node]));
  const context = (JSON.parse(run.snapshot) as { context?: RunContext }).context ?? { input: {}, steps: {}, forks: {} };
  const invocations = await env.db.toolInvocation.findMany({ where: { runId, status: "succeeded", shadow: false }, orderBy: { updatedAt: "desc" } });
  let recorded = 0;
  for (const invocation of invocations) {
    const step = tasks.get(invocation.nodeId)?.config.compensation;
    const compensation = step ? tasks.get(step) : undefined;
    if (!compensation) continue;
    const key = `${invocation.idempotencyKey}:compensate`;
    const done = await env.db.toolInvocation.findUnique({ where: { idempotencyKey: key }, select: { status: true } });
    if (done && done.status !== "pending") continue;
    const mapped = evaluateMapping(compensation.config.input, { input: context.input, steps: context.steps });
    const row = { compensates: invocation.nodeId, step: compensation.id, connector: compensation.config.connector };
    try {
      const output = await callConnector(
        env,
        { runId, workflowId: run.workflowId, nodeId: compensation.id, shadow: run.shadow, signal: new AbortController().signal },
        {
          connector: env.connectors.get(compensation.config.connector),
          input: mapped.values,
          key,
          retry: compensation.config.retry,
          timeoutMs: durationToMs(compensation.config.timeout),
        },
      );
      await append({ type: "COMPENSATION.DONE", actor: `connector:${compensation.config.connector}`, payload: { ...row, output } });
    } catch (error) {
      await append({
        type: "COMPENSATION.FAILED",
        actor: `connector:${compensation.config.connector}`,
        payload: { ...row, error: error instanceof Error ? error.message : String(error) },
      });
    }
    recorded += 1;
  }
  return recorded;
}
