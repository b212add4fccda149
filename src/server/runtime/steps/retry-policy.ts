import { durationToMs } from "~/engine";

export interface RetryPolicy {
  maxAttempts: number;
  backoff: "fixed" | "exponential";
  initialDelay: string;
}

/**
 * Delay before attempt `attempt + 1`: fixed, or doubling from the initial delay, with "full
 * jitter" (a random share of the delay) so that many runs retrying at once spread out.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = durationToMs(policy.initialDelay) * (policy.backoff === "exponential" ? 2 ** (attempt - 1) : 1);
  return Math.round(base / 2 + (random() * base) / 2);
}

/** Whether another attempt may help: errors say so with `retryable: true`. */
export function isRetryable(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { retryable?: unknown }).retryable === true;
}
