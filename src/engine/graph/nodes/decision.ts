import { z } from "zod";

import { ExpressionSchema, IdSchema, MappingSchema } from "../common";
import { defineNodeType, mappingExpressions } from "../node-type";

const OutcomesSchema = z
  .array(IdSchema)
  .min(1)
  .max(32)
  .refine((outcomes) => new Set(outcomes).size === outcomes.length, "Outcomes must be unique.")
  .meta({ title: "Outcomes", description: "One outgoing handle per outcome." });

const InlineDecisionSchema = z.object({
  source: z.literal("inline"),
  outcomes: OutcomesSchema,
  rules: z
    .array(
      z.object({
        when: ExpressionSchema.meta({ title: "When" }),
        outcome: IdSchema.meta({ title: "Outcome" }),
      }),
    )
    .max(100)
    .meta({ title: "Rules", description: "Checked in order; the first that holds picks the outcome." }),
  defaultOutcome: IdSchema.meta({ title: "Otherwise", description: "Outcome when no rule holds." }),
});

const TableDecisionSchema = z.object({
  source: z.literal("table"),
  outcomes: OutcomesSchema,
  table: z
    .object({
      id: z.string().min(1).max(100).meta({ title: "Rule table" }),
      version: z.number().int().min(1).meta({ title: "Pinned version" }),
    })
    .meta({ title: "Rule table" }),
  inputs: MappingSchema.meta({ title: "Table inputs", description: "Input column → expression." }),
  outcomeColumn: z.string().min(1).max(100).meta({ title: "Outcome column", description: "Output column naming the outcome." }),
  defaultOutcome: IdSchema.meta({ title: "Otherwise", description: "Outcome when no row matches." }),
});

/** Config of a decision node: inline conditions, or a pinned rule-table version. */
export const DecisionConfigSchema = z
  .discriminatedUnion("source", [InlineDecisionSchema, TableDecisionSchema])
  .superRefine((config, ctx) => {
    const declared = new Set(config.outcomes);
    if (!declared.has(config.defaultOutcome)) {
      ctx.addIssue({ code: "custom", path: ["defaultOutcome"], message: `"${config.defaultOutcome}" is not one of the outcomes.` });
    }
    if (config.source === "inline") {
      config.rules.forEach((rule, index) => {
        if (!declared.has(rule.outcome)) {
          ctx.addIssue({ code: "custom", path: ["rules", index, "outcome"], message: `"${rule.outcome}" is not one of the outcomes.` });
        }
      });
    }
  })
  .meta({ title: "Decision" });

export type DecisionConfig = z.output<typeof DecisionConfigSchema>;

/** Picks one outcome: from inline conditions (in the machine) or a rule table (the `decision` actor). */
export const decisionNode = defineNodeType({
  type: "decision",
  label: "Decision",
  description: "Chooses one outcome from inline conditions or a pinned rule-table version.",
  configSchema: DecisionConfigSchema,
  outcomes: (config) => [...config.outcomes],
  failureOutcomes: [],
  expressions: (config) =>
    config.source === "inline"
      ? config.rules.map((rule, index) => ({ path: ["rules", index, "when"], source: rule.when, kind: "expression" as const }))
      : mappingExpressions(config.inputs, ["inputs"]),
});
