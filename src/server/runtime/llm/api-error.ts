import { APIConnectionError, APIError } from "openai";

/** An API failure as the runtime needs it: a safe message and whether to try again. */
export type ApiFailure = { message: string; retryable: boolean; status?: number };

/** HTTP statuses worth another attempt: request timeout, conflict, rate limit, server errors. */
const RETRYABLE_STATUSES = new Set([408, 409, 429]);

/**
 * Describes an error thrown by the OpenAI SDK (or anything else thrown during a call) with its
 * message passed through `scrub`, so the API key never reaches the ledger.
 *
 * @remarks Timeouts and connection failures are retryable, as are 408, 409, 429 and 5xx; other
 * API errors (400, 401, 403, 404, 422) and unexpected errors are not.
 */
export function describeApiError(error: unknown, scrub: (text: string) => string): ApiFailure {
  if (error instanceof APIConnectionError) return { message: scrub(error.message), retryable: true };
  if (error instanceof APIError) {
    const status = error.status;
    const retryable = status !== undefined && (RETRYABLE_STATUSES.has(status) || status >= 500);
    return { message: scrub(error.message), retryable, ...(status !== undefined ? { status } : {}) };
  }
  return { message: scrub(error instanceof Error ? error.message : String(error)), retryable: false };
}
