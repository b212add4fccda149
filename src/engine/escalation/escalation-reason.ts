import { durationToMs } from "../graph/common";
import type { EscalationTriggers } from "../graph/nodes/escalation";

/** What a tier's triggers are checked against. */
export interface EscalationFacts {
  /** Confidence reported by the tier's handler (0..1), if any. */
  confidence?: number;
  /** Case text plus whatever the handler wrote; searched for keywords. */
  text: string;
  /** Errors this tier has had, including the current one. */
  errors: number;
  /** Amount of the case, if the node declares one. */
  amount?: number;
  /** Milliseconds spent in this tier, if known (the runtime's timer covers this otherwise). */
  elapsedMs?: number;
}

/**
 * Says why a tier must hand the case up, or `undefined` if none of its triggers fire.
 *
 * @example escalationReason({ keywords: ["legal"] }, { text: "Legal threat", errors: 0 }) // 'keyword "legal"'
 */
export function escalationReason(triggers: EscalationTriggers, facts: EscalationFacts): string | undefined {
  if (triggers.confidenceBelow !== undefined && facts.confidence !== undefined && facts.confidence < triggers.confidenceBelow) {
    return `confidence ${facts.confidence} below ${triggers.confidenceBelow}`;
  }
  const text = facts.text.toLowerCase();
  const keyword = triggers.keywords?.find((word) => text.includes(word.toLowerCase()));
  if (keyword !== undefined) return `keyword "${keyword}"`;
  if (triggers.errorCount !== undefined && facts.errors >= triggers.errorCount) return `${facts.errors} errors`;
  if (triggers.amountAbove !== undefined && facts.amount !== undefined && facts.amount > triggers.amountAbove) {
    return `amount ${facts.amount} above ${triggers.amountAbove}`;
  }
  if (triggers.timeExceeded !== undefined && facts.elapsedMs !== undefined && facts.elapsedMs > durationToMs(triggers.timeExceeded)) {
    return `time exceeded ${triggers.timeExceeded}`;
  }
  return undefined;
}
