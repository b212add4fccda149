import { z } from "zod";

import { IdSchema, LabelSchema } from "../common";
import { defineNodeType } from "../node-type";

/** Config of a parallel (fork) node. */
export const ParallelConfigSchema = z
  .object({
    branches: z
      .array(z.object({ id: IdSchema, label: LabelSchema.default("") }).meta({ title: "Branch" }))
      .min(2)
      .max(16)
      .refine((branches) => new Set(branches.map((branch) => branch.id)).size === branches.length, "Branch ids must be unique.")
      .meta({ title: "Branches", description: "One outgoing handle per branch; all start at once." }),
  })
  .meta({ title: "Parallel" });

export type ParallelConfig = z.output<typeof ParallelConfigSchema>;

/** Forks into branches that run at once (an XState parallel state); they meet again at one join. */
export const parallelNode = defineNodeType({
  type: "parallel",
  label: "Parallel",
  description: "Starts several branches at once; they meet again at a join.",
  configSchema: ParallelConfigSchema,
  outcomes: (config) => config.branches.map((branch) => branch.id),
  failureOutcomes: [],
  expressions: () => [],
});
