import { z } from "zod";

import { TemplateSchema } from "../common";
import { defineNodeType } from "../node-type";

/** Outcomes a run can finish with. */
export const RUN_OUTCOMES = ["completed", "rejected", "cancelled", "failed"] as const;

/** Config of an end node. */
export const EndConfigSchema = z
  .object({
    outcome: z.enum(RUN_OUTCOMES).default("completed").meta({ title: "Run outcome" }),
    summary: TemplateSchema.optional().meta({ title: "Summary", description: "Shown in the run list, e.g. Paid {{ input.amount }}." }),
  })
  .meta({ title: "End" });

export type EndConfig = z.output<typeof EndConfigSchema>;

/** A final state: the run ends with the configured outcome. */
export const endNode = defineNodeType({
  type: "end",
  label: "End",
  description: "Finishes the run with an outcome (completed, rejected, cancelled or failed).",
  configSchema: EndConfigSchema,
  outcomes: () => [],
  failureOutcomes: [],
  expressions: (config) => (config.summary ? [{ path: ["summary"], source: config.summary, kind: "template" }] : []),
});
