import { escalationReason } from "../escalation/escalation-reason";
import { evaluateExpression } from "../expressions/evaluate";
import type { EscalationTriggers } from "../graph/nodes/escalation";
import { scopeOf } from "./scope";
import type { RunContext } from "./types";

/** What one tier reported: from an `ESCALATION.RESULT` event or the `escalation` actor. */
export interface TierResult {
  resolved: boolean;
  confidence?: number;
  text?: string;
  output?: unknown;
  by?: string;
  error?: string;
}

/** Compiled parameters of an escalation tier's transitions. */
export interface TierParams {
  node: string;
  tier: string;
  triggers?: EscalationTriggers;
  subject?: string;
  amount?: string;
}

/** The escalation state kept in `steps.<nodeId>.output`. */
export interface EscalationProgress {
  tier: string;
  errors: number;
  history: { tier: string; resolved: boolean; escalated?: string; by?: string; output?: unknown; error?: string }[];
}

type AnyEvent = { type: string; [key: string]: unknown };

/** The tier result an event carries for this tier, or undefined if the event is for another node or tier. */
export function tierResultOf(event: AnyEvent, params: TierParams): TierResult | undefined {
  if (event.type === "ESCALATION.RESULT") {
    if (event.nodeId !== params.node || event.tier !== params.tier) return undefined;
    return event as unknown as TierResult;
  }
  if (event.type.startsWith("xstate.done.actor.")) {
    const output = (event.output ?? {}) as Partial<TierResult>;
    return { ...output, resolved: output.resolved === true };
  }
  if (event.type.startsWith("xstate.error.actor.")) {
    const error = event.error;
    return { resolved: false, error: error instanceof Error ? error.message : String(error) };
  }
  return undefined;
}

/** The current escalation progress of a node. */
export function progressOf(context: RunContext, node: string): EscalationProgress {
  return (context.steps[node]?.output as EscalationProgress | undefined) ?? { tier: "", errors: 0, history: [] };
}

function numberOr(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** Why this tier must escalate after `result`, or undefined. */
export function tierEscalation(context: RunContext, params: TierParams, result: TierResult): string | undefined {
  if (!params.triggers) return undefined;
  const scope = scopeOf(context);
  const safe = (source: string | undefined) => {
    if (source === undefined) return undefined;
    try {
      return evaluateExpression(source, scope);
    } catch {
      return undefined;
    }
  };
  const subject = safe(params.subject);
  const errors = progressOf(context, params.node).errors + (result.resolved ? 0 : 1);
  return escalationReason(params.triggers, {
    confidence: numberOr(result.confidence),
    text: [typeof subject === "string" ? subject : "", result.text ?? ""].join("\n"),
    errors,
    amount: numberOr(safe(params.amount)),
  });
}
