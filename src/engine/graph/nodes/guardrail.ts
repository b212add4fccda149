import { z } from "zod";

import { DurationSchema, ExpressionSchema } from "../common";
import { defineNodeType } from "../node-type";

/** Kinds of personal data the content check can detect. */
export const PII_KINDS = ["email", "phone", "card", "iban", "ssn"] as const;
export type PiiKind = (typeof PII_KINDS)[number];

const ContentCheckSchema = z
  .object({
    kind: z.literal("content"),
    text: ExpressionSchema.meta({ title: "Text to check", description: "e.g. steps.classify.output.summary" }),
    blockedTerms: z.array(z.string().min(1).max(200)).max(500).default([]).meta({ title: "Blocked terms" }),
    pii: z.array(z.enum(PII_KINDS)).default([]).meta({ title: "Block personal data", description: "PII kinds that must not appear." }),
  })
  .meta({ title: "Content" });

const ConfidenceCheckSchema = z
  .object({
    kind: z.literal("confidence"),
    value: ExpressionSchema.meta({ title: "Confidence", description: "e.g. steps.classify.output.confidence" }),
    min: z.number().min(0).max(1).meta({ title: "Minimum" }),
  })
  .meta({ title: "Confidence threshold" });

const BudgetCheckSchema = z
  .object({
    kind: z.literal("budget"),
    amount: ExpressionSchema.meta({ title: "Amount", description: "Spend this step is about to add, e.g. input.amount" }),
    limit: z.number().positive().meta({ title: "Cap" }),
    window: z
      .enum(["run", "day", "month"])
      .default("run")
      .meta({ title: "Window", description: "The runtime supplies what was already spent in this window." }),
  })
  .meta({ title: "Budget (spend cap)" });

const RateCheckSchema = z
  .object({
    kind: z.literal("rate"),
    key: z.string().min(1).max(100).meta({ title: "Counter", description: "What is counted, e.g. payment.schedule" }),
    max: z.number().int().min(1).meta({ title: "Maximum" }),
    window: DurationSchema.meta({ title: "Per" }),
  })
  .meta({ title: "Rate" });

const ScopeCheckSchema = z
  .object({
    kind: z.literal("scope"),
    action: ExpressionSchema.meta({ title: "Requested action", description: "e.g. steps.plan.output.action" }),
    allowed: z.array(z.string().min(1).max(200)).min(1).max(200).meta({ title: "Allowed actions" }),
  })
  .meta({ title: "Scope" });

/** One guardrail check. */
export const GuardrailCheckSchema = z.discriminatedUnion("kind", [
  ContentCheckSchema,
  ConfidenceCheckSchema,
  BudgetCheckSchema,
  RateCheckSchema,
  ScopeCheckSchema,
]);

export type GuardrailCheck = z.output<typeof GuardrailCheckSchema>;

/** Config of a guardrail node. */
export const GuardrailConfigSchema = z
  .object({
    stage: z.enum(["before", "after"]).default("before").meta({ title: "Stage", description: "Checks before or after a step." }),
    checks: z.array(GuardrailCheckSchema).min(1).max(20).meta({ title: "Checks", description: "All must pass." }),
  })
  .meta({ title: "Guardrail" });

export type GuardrailConfig = z.output<typeof GuardrailConfigSchema>;

const EXPRESSION_FIELD: Record<GuardrailCheck["kind"], string | undefined> = {
  content: "text",
  confidence: "value",
  budget: "amount",
  rate: undefined,
  scope: "action",
};

/** Returns the expression a check evaluates over the run, if any. */
export function checkExpression(check: GuardrailCheck): { field: string; source: string } | undefined {
  const field = EXPRESSION_FIELD[check.kind];
  if (!field) return undefined;
  return { field, source: (check as Record<string, unknown>)[field] as string };
}

/** Runs checks (the `guardrail` actor, pure checks from `engine/guardrails`); outcome pass or block. */
export const guardrailNode = defineNodeType({
  type: "guardrail",
  label: "Guardrail",
  description: "Checks budget, rate, content, confidence or scope; passes or blocks, saying which check and why.",
  configSchema: GuardrailConfigSchema,
  outcomes: () => ["pass", "block"],
  failureOutcomes: ["block"],
  expressions: (config) =>
    config.checks.flatMap((check, index) => {
      const expression = checkExpression(check);
      return expression ? [{ path: ["checks", index, expression.field], source: expression.source, kind: "expression" as const }] : [];
    }),
});
