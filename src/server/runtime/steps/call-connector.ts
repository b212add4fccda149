import { AppError } from "~/server/errors";
import type { Connector } from "~/server/runtime/connectors/contract";
import { invokeOnce, withTimeout } from "./invoke-once";
import { isRetryable, retryDelayMs, type RetryPolicy } from "./retry-policy";
import type { StepEnv } from "./step-env";

/** Whose call it is: the run and node it belongs to, and the abort signal of the step. */
export interface CallScope {
  runId: string;
  workflowId: string;
  nodeId: string;
  shadow: boolean;
  signal: AbortSignal;
}

function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join(".") || "input"}: ${issue.message}`).join("; ");
}

/**
 * Calls a pure connector (`sideEffect: "none"`) with the step's retries and a timeout per attempt,
 * without an invocation record: calling it again (after a crash, on replay) gives the same answer
 * and changes nothing, so there is nothing to deduplicate. Its output is the step's output, which
 * the ledger row of the step's completion carries.
 */
async function callPure<O>(env: StepEnv, call: (signal: AbortSignal) => Promise<O>, retry: RetryPolicy, timeoutMs: number, signal: AbortSignal): Promise<O> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTimeout(call, timeoutMs, signal);
    } catch (error) {
      if (attempt >= retry.maxAttempts || signal.aborted || !isRetryable(error)) throw error;
      await env.sleep(retryDelayMs(retry, attempt));
    }
  }
}

/**
 * Calls a connector for a step: the input checked against its contract, the call made once per
 * idempotency key (with retries and a timeout per attempt), the output checked against its
 * contract; in shadow mode a side-effecting connector is only previewed. Pure connectors
 * (`sideEffect: "none"`) skip the invocation record: see {@link callPure}.
 */
export async function callConnector(
  env: StepEnv,
  scope: CallScope,
  request: { connector: Connector; input: unknown; key: string; retry: RetryPolicy; timeoutMs: number },
): Promise<unknown> {
  const { connector, key } = request;
  const parsed = connector.input.safeParse(request.input ?? {});
  if (!parsed.success) throw new AppError("BAD_REQUEST", `Input for ${connector.name} is invalid: ${describeIssues(parsed.error.issues)}`);
  const sideEffecting = connector.sideEffect === "write" || connector.sideEffect === "external";
  const execute = async (signal: AbortSignal) => {
    const result = await connector.execute(parsed.data, {
      db: env.db,
      runId: scope.runId,
      workflowId: scope.workflowId,
      nodeId: scope.nodeId,
      idempotencyKey: key,
      clock: env.clock,
      signal,
      secrets: env.secrets,
      httpAllowlist: env.httpAllowlist,
    });
    const checked = connector.output.safeParse(result);
    if (!checked.success) throw new AppError("BAD_GATEWAY", `${connector.name} returned output that breaks its contract.`);
    return checked.data;
  };
  if (connector.sideEffect === "none") return callPure(env, execute, request.retry, request.timeoutMs, scope.signal);
  return invokeOnce(env, {
    runId: scope.runId,
    nodeId: scope.nodeId,
    key,
    connector: connector.name,
    request: parsed.data,
    retry: request.retry,
    timeoutMs: request.timeoutMs,
    signal: scope.signal,
    ...(scope.shadow && sideEffecting
      ? { preview: () => connector.preview?.(parsed.data) ?? { shadow: true, connector: connector.name, input: parsed.data } }
      : {}),
    call: execute,
  });
}
