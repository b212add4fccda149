import { z } from "zod";

import { AssigneesSchema, DurationSchema, ExpressionSchema, TemplateSchema } from "../common";
import { defineNodeType, type ExpressionRef } from "../node-type";

/** Config of an approval (human-in-the-loop) node. */
export const ApprovalConfigSchema = z
  .object({
    summary: TemplateSchema.min(1, "The summary is empty.").meta({
      title: "Summary",
      description: "First line the approver reads, e.g. Pay {{ input.vendor }} {{ input.amount }}?",
    }),
    details: TemplateSchema.default("").meta({ title: "Details", description: "Evidence shown on expand." }),
    recommendation: TemplateSchema.optional().meta({ title: "Recommendation", description: "The agent's recommendation." }),
    confidence: ExpressionSchema.optional().meta({
      title: "Confidence",
      description: "The agent's confidence (0..1), e.g. steps.classify.output.confidence. Empty: the latest confidence a model reported in the run.",
    }),
    impact: TemplateSchema.optional().meta({ title: "Impact", description: "What happens if this is approved, e.g. Pays {{ input.amount }} to {{ input.vendor }}." }),
    alternatives: z
      .array(TemplateSchema.min(1))
      .max(10)
      .default([])
      .meta({ title: "Alternatives", description: "Other courses of action the approver could take." }),
    assignees: AssigneesSchema.refine(
      (assignees) => assignees.users.length + assignees.roles.length > 0,
      "Name at least one user or role.",
    ),
    quorum: z.number().int().min(1).max(10).default(1).meta({
      title: "Quorum",
      description: "Distinct approvers needed to approve; a single reject or change request decides at once.",
    }),
    deadline: DurationSchema.optional().meta({ title: "Deadline", description: "Adds a 'timeout' outcome after this long." }),
    risk: z.enum(["low", "medium", "high"]).default("medium").meta({ title: "Risk" }),
    allowChanges: z.boolean().default(true).meta({ title: "Allow 'request changes'", description: "Adds a 'changes' outcome." }),
  })
  .meta({ title: "Approval" });

export type ApprovalConfig = z.output<typeof ApprovalConfigSchema>;

/** Waits for people to approve, reject or request changes (`APPROVAL.DECIDED` events). */
export const approvalNode = defineNodeType({
  type: "approval",
  label: "Approval",
  description: "Asks assigned people to decide; waits for a quorum, a rejection, a change request or the deadline.",
  configSchema: ApprovalConfigSchema,
  outcomes: (config) => [
    "approve",
    "reject",
    ...(config.allowChanges ? ["changes"] : []),
    ...(config.deadline ? ["timeout"] : []),
  ],
  failureOutcomes: ["reject", "timeout"],
  expressions: (config) => {
    const refs: ExpressionRef[] = [{ path: ["summary"], source: config.summary, kind: "template" }];
    if (config.details) refs.push({ path: ["details"], source: config.details, kind: "template" });
    if (config.recommendation) refs.push({ path: ["recommendation"], source: config.recommendation, kind: "template" });
    if (config.confidence) refs.push({ path: ["confidence"], source: config.confidence, kind: "expression" });
    if (config.impact) refs.push({ path: ["impact"], source: config.impact, kind: "template" });
    config.alternatives.forEach((alternative, index) => refs.push({ path: ["alternatives", index], source: alternative, kind: "template" }));
    return refs;
  },
});
