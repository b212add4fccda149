import { z } from "zod";

import { DurationSchema, IdSchema, MappingSchema } from "../common";
import { defineNodeType, mappingExpressions } from "../node-type";

/** Config of a task node: one connector call. */
export const TaskConfigSchema = z
  .object({
    connector: z
      .string()
      .regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/, "Use a connector name such as payment.schedule.")
      .meta({ title: "Connector", description: "Connector (tool) to call, e.g. purchaseOrder.lookup." }),
    input: MappingSchema.default({}).meta({ title: "Input", description: "Connector input fields computed from the run." }),
    retry: z
      .object({
        maxAttempts: z.number().int().min(1).max(20).default(3).meta({ title: "Max attempts" }),
        backoff: z.enum(["fixed", "exponential"]).default("exponential").meta({ title: "Backoff" }),
        initialDelay: DurationSchema.default("PT1S").meta({ title: "First retry after" }),
      })
      .default({ maxAttempts: 3, backoff: "exponential", initialDelay: "PT1S" })
      .meta({ title: "Retries" }),
    timeout: DurationSchema.default("PT30S").meta({ title: "Timeout", description: "Per attempt." }),
    idempotent: z
      .boolean()
      .default(false)
      .meta({ title: "Idempotent", description: "Safe to repeat; otherwise the runtime passes an idempotency key." }),
    compensation: IdSchema.optional().meta({
      title: "Compensation step",
      description: "Id of a task node that undoes this one if the run is later cancelled or fails.",
    }),
  })
  .meta({ title: "Task" });

export type TaskConfig = z.output<typeof TaskConfigSchema>;

/** Calls a connector through its typed tool contract; the runtime provides the `task` actor. */
export const taskNode = defineNodeType({
  type: "task",
  label: "Task",
  description: "Calls a connector with retries, timeout and an idempotency key.",
  configSchema: TaskConfigSchema,
  outcomes: () => ["success", "error"],
  failureOutcomes: ["error"],
  expressions: (config) => mappingExpressions(config.input, ["input"]),
});
