import { z } from "zod";

import { GRAPH_LIMITS } from "./limits";

/** Pattern for node, edge, branch and tier ids: a letter, then letters, digits, `_` or `-`. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** A node, edge, branch or tier id. Ids double as XState state keys, hence the closed alphabet. */
export const IdSchema = z
  .string()
  .regex(ID_PATTERN, "Use a letter followed by letters, digits, '_' or '-' (at most 64 characters).")
  .meta({ title: "Id", description: "Letters, digits, '_' or '-', starting with a letter." });

/** A short human label. */
export const LabelSchema = z.string().max(200).meta({ title: "Label" });

/** ISO 8601 duration subset: `P[nD][T[nH][nM][nS]]`, e.g. `PT30M`, `P2D`, `PT1H30M`. */
export const DURATION_PATTERN = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** A duration in ISO 8601 form (`PT30M`, `P2D`, `PT1H30M`). */
export const DurationSchema = z
  .string()
  .regex(DURATION_PATTERN, "Use an ISO 8601 duration such as PT30M, PT2H or P1D.")
  .refine((value) => value !== "P" && !value.endsWith("T"), "The duration is empty.")
  .meta({ title: "Duration", description: "ISO 8601 duration, e.g. PT30M (30 minutes), P2D (2 days)." });

/**
 * Converts an ISO 8601 duration (as accepted by {@link DurationSchema}) to milliseconds.
 *
 * @example durationToMs("PT1H30M") // 5_400_000
 */
export function durationToMs(duration: string): number {
  const match = DURATION_PATTERN.exec(duration);
  if (!match) return Number.NaN;
  const [, days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000;
}

/** A CEL expression over the run context (see docs/expressions.md). */
export const ExpressionSchema = z
  .string()
  .min(1, "The expression is empty.")
  .max(GRAPH_LIMITS.maxExpressionLength)
  .meta({
    title: "Expression",
    description: "CEL expression over input.* and steps.*, e.g. input.amount > 1000.",
    format: "cel-expression",
  });

/** A text template: plain text with `{{ expression }}` placeholders. */
export const TemplateSchema = z
  .string()
  .max(GRAPH_LIMITS.maxStringLength)
  .meta({
    title: "Template",
    description: "Text with {{ expression }} placeholders, e.g. Invoice {{ input.invoiceNumber }}.",
    format: "cel-template",
  });

/** A map from output field name to the expression that computes it. */
export const MappingSchema = z
  .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Use a field name (letters, digits, '_')."), ExpressionSchema)
  .meta({ title: "Mapping", description: "Field name → CEL expression.", format: "cel-mapping" });

/** People who may act on a human step: user ids and/or role names. */
export const AssigneesSchema = z
  .object({
    users: z.array(z.string().min(1).max(200)).max(100).default([]).meta({ title: "Users" }),
    roles: z.array(z.string().min(1).max(100)).max(20).default([]).meta({ title: "Roles" }),
  })
  .meta({ title: "Assignees", description: "Users and/or roles who may decide." });
