import type { DecisionTable } from "./table";
import { parseUnaryTest, passes, type UnaryTest } from "./unary-test";

type Row = Record<string, unknown>;

/** Result of {@link evaluateDecisionTable}. */
export type TableResult =
  | {
      ok: true;
      /** Indexes of the rows whose outputs count (FIRST: at most one). */
      matched: number[];
      /** FIRST, UNIQUE, ANY: the output row or null when nothing matched; COLLECT: all output rows. */
      output: Row | null | Row[];
    }
  | { ok: false; error: { code: "UNIQUE_VIOLATION" | "ANY_CONFLICT"; message: string; rules: number[] } };

const parsedTables = new WeakMap<DecisionTable, UnaryTest[][]>();

function cellsOf(table: DecisionTable): UnaryTest[][] {
  let cells = parsedTables.get(table);
  if (!cells) {
    cells = table.rules.map((rule) => rule.when.map(parseUnaryTest));
    parsedTables.set(table, cells);
  }
  return cells;
}

function outputRow(table: DecisionTable, index: number): Row {
  const values = table.rules[index]!.then;
  return Object.fromEntries(table.outputs.map((column, position) => [column.name, values[position] ?? null]));
}

/**
 * Evaluates a decision table against one input row under its hit policy.
 *
 * @remarks FIRST: the first matching row. UNIQUE: more than one match is an error. ANY: several
 * matches are fine only if their outputs are equal. COLLECT: every matching row's output, in order.
 * @example evaluateDecisionTable(table, { amount: 1200, tier: "gold" })
 */
export function evaluateDecisionTable(table: DecisionTable, inputs: Row): TableResult {
  const cells = cellsOf(table);
  const matched: number[] = [];
  for (let index = 0; index < cells.length; index++) {
    const row = cells[index]!;
    if (table.inputs.every((column, position) => passes(row[position] ?? { kind: "any" }, inputs[column.name], inputs))) {
      matched.push(index);
      if (table.hitPolicy === "FIRST") break;
    }
  }
  const outputs = matched.map((index) => outputRow(table, index));
  switch (table.hitPolicy) {
    case "COLLECT":
      return { ok: true, matched, output: outputs };
    case "UNIQUE":
      if (matched.length > 1) {
        return { ok: false, error: { code: "UNIQUE_VIOLATION", message: `Rows ${matched.map((index) => index + 1).join(", ")} all match.`, rules: matched } };
      }
      break;
    case "ANY":
      if (new Set(outputs.map((output) => JSON.stringify(output))).size > 1) {
        return {
          ok: false,
          error: { code: "ANY_CONFLICT", message: `Rows ${matched.map((index) => index + 1).join(", ")} match with different outputs.`, rules: matched },
        };
      }
      break;
  }
  return { ok: true, matched: matched.slice(0, 1), output: outputs[0] ?? null };
}
