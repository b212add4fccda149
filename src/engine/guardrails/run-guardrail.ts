import type { GuardrailConfig } from "../graph/nodes/guardrail";
import type { StepActorOutput } from "../compile/types";
import { checkBudget, checkConfidence, checkContent, checkRate, checkScope, type Verdict } from "./checks";

/** Numbers only the runtime knows: spend per budget window and call counts per rate key. */
export interface GuardrailFacts {
  /** Already spent, by window (`run`, `day`, `month`). */
  spent?: Partial<Record<"run" | "day" | "month", number>>;
  /** Calls counted in the current window, by rate key. */
  counts?: Record<string, number>;
}

/**
 * Runs a guardrail node's checks: the `guardrail` actor's result.
 *
 * @param values - `input.resolved.values`: each check's expression evaluated over the run.
 * @returns `{ outcome: "pass" | "block", output: { verdicts, blockedBy? } }`; every check must pass.
 * @example runGuardrail(config, [0.6], {}).outcome // "block" for a confidence check with min 0.85
 */
export function runGuardrail(config: GuardrailConfig, values: readonly unknown[], facts: GuardrailFacts = {}): StepActorOutput & { outcome: "pass" | "block" } {
  const verdicts: Verdict[] = config.checks.map((check, index) => {
    const value = values[index];
    switch (check.kind) {
      case "content":
        return checkContent(typeof value === "string" ? value : JSON.stringify(value ?? ""), check);
      case "confidence":
        return checkConfidence(value, check.min);
      case "budget":
        return checkBudget(value, facts.spent?.[check.window] ?? 0, check.limit);
      case "rate":
        return checkRate(facts.counts?.[check.key] ?? 0, check.max, check.window);
      case "scope":
        return checkScope(value, check.allowed);
    }
  });
  const blocked = verdicts.find((verdict) => !verdict.passed);
  return {
    outcome: blocked ? "block" : "pass",
    output: { verdicts, ...(blocked ? { blockedBy: { kind: blocked.kind, reason: blocked.reason } } : {}) },
  };
}
