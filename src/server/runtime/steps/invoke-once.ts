import { AppError } from "~/server/errors";
import { Prisma } from "~/server/db/generated/client";
import { isRetryable, retryDelayMs, type RetryPolicy } from "./retry-policy";
import type { StepEnv } from "./step-env";

export interface Invocation<O> {
  runId: string;
  nodeId: string;
  /** Run, node and visit (and sub-step): the same on every retry and after a restart. */
  key: string;
  connector: string;
  request: unknown;
  retry: RetryPolicy;
  timeoutMs: number;
  /** Shadow mode for a side-effecting call: record what would happen, return this instead. */
  preview?: () => O;
  call: (signal: AbortSignal) => Promise<O>;
  /** The run's own abort signal (the run was cancelled or the step stopped). */
  signal: AbortSignal;
}

const RECORDED = /^\[([A-Z_]+)\] ([\s\S]*)$/;

/** How a failure is stored: its code first, so a replay fails with the same code. */
function describeFailure(error: unknown, attempt: number, of: number): string {
  const code = error instanceof AppError ? error.code : "BAD_GATEWAY";
  const message = error instanceof Error ? error.message : String(error);
  return `[${code}] ${message} (attempt ${attempt} of ${of})`;
}

/** The error a failed invocation is replayed with, so a resumed run takes the same route. */
function recordedFailure(stored: string | null): AppError {
  const match = RECORDED.exec(stored ?? "");
  return new AppError((match?.[1] as AppError["code"] | undefined) ?? "BAD_GATEWAY", match?.[2] ?? stored ?? "The call failed.");
}

/** Runs one attempt of `call`: rejected (retryably) after `timeoutMs`; its signal aborts then or when `outer` aborts. */
export function withTimeout<O>(call: (signal: AbortSignal) => Promise<O>, timeoutMs: number, outer: AbortSignal): Promise<O> {
  const controller = new AbortController();
  const abort = () => controller.abort(outer.reason);
  outer.addEventListener("abort", abort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = Object.assign(new AppError("TIMEOUT", `Timed out after ${timeoutMs} ms.`), { retryable: true });
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  return Promise.race([call(controller.signal), timeout]).finally(() => {
    clearTimeout(timer);
    outer.removeEventListener("abort", abort);
  });
}

async function claim(env: StepEnv, invocation: Invocation<unknown>) {
  const existing = await env.db.toolInvocation.findUnique({ where: { idempotencyKey: invocation.key } });
  if (existing) return existing;
  try {
    return await env.db.toolInvocation.create({
      data: {
        runId: invocation.runId,
        nodeId: invocation.nodeId,
        idempotencyKey: invocation.key,
        connector: invocation.connector,
        request: JSON.stringify(env.sanitize(invocation.request)),
        status: "pending",
      },
    });
  } catch (error) {
    // Someone else (a concurrent resume) claimed the key first: use their row.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return env.db.toolInvocation.findUniqueOrThrow({ where: { idempotencyKey: invocation.key } });
    }
    throw error;
  }
}

/**
 * Runs a side-effecting call at most once to completion per idempotency key.
 *
 * @remarks A key that already succeeded returns its recorded response without calling again; a
 * key that failed for good fails again with the recorded error; an interrupted one (a crash
 * mid-attempt) continues with its next attempt, under the same key, so the remote side can
 * deduplicate. Attempts time out individually and are retried with backoff and jitter while the
 * error says it is retryable. In shadow mode the call is never made: the preview is recorded.
 */
export async function invokeOnce<O>(env: StepEnv, invocation: Invocation<O>): Promise<O> {
  const row = await claim(env, invocation as Invocation<unknown>);
  if (row.status === "succeeded" || row.status === "shadowed") return JSON.parse(row.response ?? "null") as O;
  if (row.status === "failed") throw recordedFailure(row.error);
  const finish = (data: { status: string; response?: unknown; error?: string; attempts?: number }) =>
    env.db.toolInvocation.update({
      where: { idempotencyKey: invocation.key },
      data: {
        status: data.status,
        ...(data.response !== undefined ? { response: JSON.stringify(env.sanitize(data.response)) } : {}),
        ...(data.error !== undefined ? { error: data.error } : {}),
        ...(data.attempts !== undefined ? { attempts: data.attempts } : {}),
        shadow: Boolean(invocation.preview),
      },
    });

  if (invocation.preview) {
    const preview = invocation.preview();
    await finish({ status: "shadowed", response: preview });
    return preview;
  }
  for (let attempt = row.attempts + 1; ; attempt++) {
    await env.db.toolInvocation.update({ where: { idempotencyKey: invocation.key }, data: { attempts: attempt } });
    try {
      const response = await withTimeout(invocation.call, invocation.timeoutMs, invocation.signal);
      await finish({ status: "succeeded", response });
      return response;
    } catch (error) {
      const last = attempt >= invocation.retry.maxAttempts || invocation.signal.aborted || !isRetryable(error);
      if (last) {
        await finish({ status: "failed", error: describeFailure(error, attempt, invocation.retry.maxAttempts) });
        throw error;
      }
      await env.sleep(retryDelayMs(invocation.retry, attempt));
    }
  }
}
