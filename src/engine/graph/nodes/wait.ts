import { z } from "zod";

import { DurationSchema, ExpressionSchema } from "../common";
import { defineNodeType } from "../node-type";

/** Config of a wait node: a durable timer, or a wait for an external signal. */
export const WaitConfigSchema = z
  .discriminatedUnion("mode", [
    z.object({ mode: z.literal("duration"), duration: DurationSchema.meta({ title: "Wait for" }) }).meta({ title: "For a time" }),
    z
      .object({
        mode: z.literal("until"),
        until: ExpressionSchema.meta({ title: "Until", description: "Expression giving an ISO 8601 time, e.g. input.dueAt" }),
      })
      .meta({ title: "Until a time" }),
    z
      .object({
        mode: z.literal("signal"),
        signal: z
          .string()
          .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/)
          .meta({ title: "Signal name", description: "Sent to the run as a SIGNAL event." }),
        timeout: DurationSchema.optional().meta({ title: "Give up after", description: "Adds a 'timeout' outcome." }),
      })
      .meta({ title: "For a signal" }),
  ])
  .meta({ title: "Wait" });

export type WaitConfig = z.output<typeof WaitConfigSchema>;

/** Waits on a durable timer (`TIMER.FIRED`) or a signal (`SIGNAL`). */
export const waitNode = defineNodeType({
  type: "wait",
  label: "Wait",
  description: "Waits for a duration, until a time, or for an external signal.",
  configSchema: WaitConfigSchema,
  outcomes: (config) => (config.mode === "signal" && config.timeout ? ["done", "timeout"] : ["done"]),
  failureOutcomes: ["timeout"],
  expressions: (config) => (config.mode === "until" ? [{ path: ["until"], source: config.until, kind: "expression" }] : []),
});
