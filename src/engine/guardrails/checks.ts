import { durationToMs } from "../graph/common";
import type { GuardrailCheck, PiiKind } from "../graph/nodes/guardrail";
import { findPii } from "./pii";

/** The result of one check: passed, or blocked with the reason. */
export interface Verdict {
  kind: GuardrailCheck["kind"];
  passed: boolean;
  reason: string;
}

/**
 * Content check: blocked terms (case-insensitive, whole words) and personal data.
 *
 * @example checkContent("Call 555-12-3456", { blockedTerms: [], pii: ["ssn"] }).passed
 */
export function checkContent(text: string, options: { blockedTerms: readonly string[]; pii: readonly PiiKind[] }): Verdict {
  const lower = text.toLowerCase();
  const term = options.blockedTerms.find((candidate) => {
    const escaped = candidate.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, "u").test(lower);
  });
  if (term !== undefined) return { kind: "content", passed: false, reason: `contains the blocked term "${term}"` };
  const findings = findPii(text, options.pii);
  if (findings.length > 0) {
    const kinds = [...new Set(findings.map((finding) => finding.kind))].join(", ");
    return { kind: "content", passed: false, reason: `contains personal data (${kinds})` };
  }
  return { kind: "content", passed: true, reason: "no blocked terms or personal data" };
}

/** Confidence check: `value` must be a number at least `min`. */
export function checkConfidence(value: unknown, min: number): Verdict {
  if (typeof value !== "number" || Number.isNaN(value)) return { kind: "confidence", passed: false, reason: "no confidence was reported" };
  return value >= min
    ? { kind: "confidence", passed: true, reason: `confidence ${value} ≥ ${min}` }
    : { kind: "confidence", passed: false, reason: `confidence ${value} is below ${min}` };
}

/** Budget check: what was already spent in the window plus `amount` must stay within `limit`. */
export function checkBudget(amount: unknown, spent: number, limit: number): Verdict {
  if (typeof amount !== "number" || !Number.isFinite(amount)) return { kind: "budget", passed: false, reason: "the amount is not a number" };
  const total = spent + amount;
  return total <= limit
    ? { kind: "budget", passed: true, reason: `${total} within the cap of ${limit}` }
    : { kind: "budget", passed: false, reason: `${total} exceeds the cap of ${limit}` };
}

/** Rate check: calls already made in the window (supplied by the runtime) must be below `max`. */
export function checkRate(count: number, max: number, window: string): Verdict {
  return count < max
    ? { kind: "rate", passed: true, reason: `${count} of ${max} per ${window}` }
    : { kind: "rate", passed: false, reason: `limit of ${max} per ${window} (${durationToMs(window) / 1000}s) reached` };
}

/** Scope check: the requested action must be one of the allowed actions. */
export function checkScope(action: unknown, allowed: readonly string[]): Verdict {
  return typeof action === "string" && allowed.includes(action)
    ? { kind: "scope", passed: true, reason: `"${action}" is allowed` }
    : { kind: "scope", passed: false, reason: `"${String(action)}" is not an allowed action` };
}
