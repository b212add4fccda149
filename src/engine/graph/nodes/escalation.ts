import { z } from "zod";

import { AssigneesSchema, DurationSchema, ExpressionSchema, IdSchema } from "../common";
import { defineNodeType, type ExpressionRef } from "../node-type";

/** Outcome of an escalation whose last tier could not resolve the case. */
export const UNRESOLVED = "unresolved";

/** What makes a tier hand the case to the next tier. */
export const EscalationTriggersSchema = z
  .object({
    confidenceBelow: z.number().min(0).max(1).optional().meta({ title: "Confidence below" }),
    keywords: z.array(z.string().min(1).max(100)).max(100).optional().meta({ title: "Keywords", description: "Case-insensitive." }),
    errorCount: z.number().int().min(1).max(100).optional().meta({ title: "After this many errors" }),
    timeExceeded: DurationSchema.optional().meta({ title: "After this long" }),
    amountAbove: z.number().optional().meta({ title: "Amount above" }),
  })
  .meta({ title: "Escalate when" });

export type EscalationTriggers = z.output<typeof EscalationTriggersSchema>;

/** One tier of an escalation ladder. */
export const EscalationTierSchema = z
  .object({
    id: IdSchema,
    label: z.string().max(200).default("").meta({ title: "Label" }),
    handler: z.enum(["auto", "human"]).meta({
      title: "Handled by",
      description: "auto: the runtime's escalation actor; human: people answer through the inbox.",
    }),
    assignees: AssigneesSchema.default({ users: [], roles: [] }),
    triggers: EscalationTriggersSchema.default({}),
  })
  .meta({ title: "Tier" });

export type EscalationTier = z.output<typeof EscalationTierSchema>;

/** Config of an escalation node. */
export const EscalationConfigSchema = z
  .object({
    subject: ExpressionSchema.meta({ title: "Case text", description: "Text searched for keywords, e.g. input.message" }),
    amount: ExpressionSchema.optional().meta({ title: "Amount", description: "Compared with 'amount above'." }),
    tiers: z.array(EscalationTierSchema).min(1).max(10).meta({ title: "Tiers", description: "In escalation order." }),
  })
  .superRefine((config, ctx) => {
    const ids = config.tiers.map((tier) => tier.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", path: ["tiers"], message: "Tier ids must be unique." });
    if (ids.includes(UNRESOLVED)) ctx.addIssue({ code: "custom", path: ["tiers"], message: `"${UNRESOLVED}" is reserved.` });
    const last = config.tiers.length - 1;
    const lastTriggers = config.tiers[last]?.triggers ?? {};
    if (Object.values(lastTriggers).some((value) => value !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["tiers", last, "triggers"], message: "The last tier never escalates; remove its triggers." });
    }
    config.tiers.forEach((tier, index) => {
      if (tier.handler === "human" && tier.assignees.users.length + tier.assignees.roles.length === 0) {
        ctx.addIssue({ code: "custom", path: ["tiers", index, "assignees"], message: "A human tier needs a user or role." });
      }
    });
  })
  .meta({ title: "Escalation" });

export type EscalationConfig = z.output<typeof EscalationConfigSchema>;

/** Moves a case up ordered tiers; the outcome is the tier that resolved it, or `unresolved`. */
export const escalationNode = defineNodeType({
  type: "escalation",
  label: "Escalation",
  description: "Hands a case up ordered tiers on low confidence, keywords, errors, time or amount.",
  configSchema: EscalationConfigSchema,
  outcomes: (config) => [...config.tiers.map((tier) => tier.id), UNRESOLVED],
  failureOutcomes: [UNRESOLVED],
  expressions: (config) => {
    const refs: ExpressionRef[] = [{ path: ["subject"], source: config.subject, kind: "expression" }];
    if (config.amount) refs.push({ path: ["amount"], source: config.amount, kind: "expression" });
    return refs;
  },
});
