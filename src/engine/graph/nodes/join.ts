import { z } from "zod";

import { defineNodeType } from "../node-type";

/** Config of a join node. */
export const JoinConfigSchema = z
  .object({
    mode: z.enum(["all", "any", "n_of_m"]).default("all").meta({
      title: "Wait for",
      description: "all branches, any one branch succeeding, or n branches succeeding.",
    }),
    n: z.number().int().min(1).optional().meta({ title: "n", description: "Successful branches needed (n_of_m)." }),
    tolerateFailures: z.number().int().min(0).default(0).meta({
      title: "Tolerated failures",
      description: "Mode all: failed branches allowed before the join fails.",
    }),
  })
  .refine((config) => config.mode !== "n_of_m" || config.n !== undefined, { path: ["n"], message: "Mode n_of_m needs n." })
  .meta({ title: "Join" });

export type JoinConfig = z.output<typeof JoinConfigSchema>;

/** Where the branches of one parallel node meet; outcome `done`, or `failed` when too many branches failed. */
export const joinNode = defineNodeType({
  type: "join",
  label: "Join",
  description: "Waits for all, any, or n of the parallel branches; records and tolerates failures as configured.",
  configSchema: JoinConfigSchema,
  outcomes: () => ["done", "failed"],
  failureOutcomes: ["failed"],
  expressions: () => [],
});
