import { z } from "zod";

import { defineNodeType } from "../node-type";

/** Types a run input field can declare. */
export const INPUT_FIELD_TYPES = ["string", "number", "integer", "boolean", "date", "object", "array"] as const;

/** One field of the run input. */
export const InputFieldSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "Use letters, digits and '_', starting with a letter or '_'.")
      .meta({ title: "Name", description: "Field name, used in expressions as input.<name>." }),
    type: z.enum(INPUT_FIELD_TYPES).meta({ title: "Type" }),
    required: z.boolean().default(true).meta({ title: "Required" }),
    description: z.string().max(500).optional().meta({ title: "Description" }),
  })
  .meta({ title: "Input field" });

/** Config of the start node: the run's input fields and how runs start. */
export const StartConfigSchema = z
  .object({
    inputFields: z
      .array(InputFieldSchema)
      .max(200)
      .default([])
      .refine((fields) => new Set(fields.map((field) => field.name)).size === fields.length, "Input field names must be unique.")
      .meta({ title: "Input fields", description: "Fields every run receives as input." }),
    triggers: z
      .array(z.enum(["manual", "api", "webhook"]))
      .min(1)
      .default(["manual"])
      .meta({ title: "Triggers", description: "How runs of this workflow start." }),
  })
  .meta({ title: "Start" });

export type StartConfig = z.output<typeof StartConfigSchema>;

/** The start node: exactly one per graph. */
export const startNode = defineNodeType({
  type: "start",
  label: "Start",
  description: "Where every run begins; declares the run's input fields and triggers.",
  configSchema: StartConfigSchema,
  outcomes: () => ["next"],
  failureOutcomes: [],
  expressions: () => [],
});
