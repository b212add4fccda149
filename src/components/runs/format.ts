/** Formatting for run views: times, durations, money and JSON, the same everywhere. */

const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** "14:03:27" */
export function formatTime(at: Date): string {
  return TIME.format(at);
}

/** "21 Nov 2026, 14:03" */
export function formatDateTime(at: Date): string {
  return DATE_TIME.format(at);
}

/**
 * A duration in the largest sensible unit.
 *
 * @example formatDuration(95_000) // "1 min 35 s"
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} days`;
}

/** "$0.0042" */
export function formatCost(usd: number): string {
  return `$${usd < 0.01 ? usd.toFixed(4) : usd.toFixed(2)}`;
}

/** JSON for display, indented (user data is always shown as text, never as markup). */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? "null";
}
