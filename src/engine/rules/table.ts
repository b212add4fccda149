import { z } from "zod";

/** Types a table column can have. */
export const COLUMN_TYPES = ["string", "number", "boolean"] as const;

const ColumnSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/).meta({ title: "Name" }),
  type: z.enum(COLUMN_TYPES).meta({ title: "Type" }),
  label: z.string().max(200).optional().meta({ title: "Label" }),
});

/** A literal output value. */
export const OutputValueSchema = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

/** Hit policies: which matching rows count. */
export const HIT_POLICIES = ["FIRST", "UNIQUE", "ANY", "COLLECT"] as const;
export type HitPolicy = (typeof HIT_POLICIES)[number];

/**
 * A decision table: typed input and output columns and rows of unary-test cells.
 *
 * @remarks Cells: `-` (any), `> 1000`, `<= 5`, `[100..500]` (`(`/`]` for open ends), `"gold","silver"`,
 * `not("gold")`, `true`, `42`, or a CEL expression over `value` (the cell's input) and `inputs`.
 */
export const DecisionTableSchema = z
  .object({
    id: z.string().min(1).max(100),
    version: z.number().int().min(1).optional(),
    name: z.string().max(200).optional(),
    hitPolicy: z.enum(HIT_POLICIES).default("FIRST"),
    inputs: z.array(ColumnSchema).min(1).max(32),
    outputs: z.array(ColumnSchema).min(1).max(32),
    rules: z
      .array(
        z.object({
          when: z.array(z.string().max(2000)).meta({ title: "Input cells" }),
          then: z.array(OutputValueSchema).meta({ title: "Output values" }),
          description: z.string().max(500).optional(),
        }),
      )
      .max(5000),
  })
  .superRefine((table, ctx) => {
    table.rules.forEach((rule, index) => {
      if (rule.when.length !== table.inputs.length) {
        ctx.addIssue({ code: "custom", path: ["rules", index, "when"], message: `Row ${index + 1} needs ${table.inputs.length} input cells.` });
      }
      if (rule.then.length !== table.outputs.length) {
        ctx.addIssue({ code: "custom", path: ["rules", index, "then"], message: `Row ${index + 1} needs ${table.outputs.length} output values.` });
      }
    });
  });

export type DecisionTable = z.output<typeof DecisionTableSchema>;
export type DecisionTableInput = z.input<typeof DecisionTableSchema>;
