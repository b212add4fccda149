import type { NodeConfig } from "../graph/node-types";
import type { StepActorOutput } from "../compile/types";
import { evaluateDecisionTable } from "./evaluate-table";
import type { DecisionTable } from "./table";

/**
 * What a decision node's `decision` actor resolves with, given the pinned table the runtime
 * loaded and the resolved inputs (`input.resolved.inputs`).
 *
 * @remarks The outcome is the value of `outcomeColumn` in the (first) output row if it is one of
 * the node's outcomes, else `defaultOutcome`; a table error also falls back to it, with the error
 * in the output.
 */
export function decideWithTable(
  config: Extract<NodeConfig<"decision">, { source: "table" }>,
  table: DecisionTable,
  inputs: Record<string, unknown>,
): StepActorOutput {
  const result = evaluateDecisionTable(table, inputs);
  if (!result.ok) return { outcome: config.defaultOutcome, output: { error: result.error } };
  const row = Array.isArray(result.output) ? result.output[0] : result.output;
  const value = row?.[config.outcomeColumn];
  const outcome = typeof value === "string" && config.outcomes.includes(value) ? value : config.defaultOutcome;
  return { outcome, output: { row: row ?? null, matched: result.matched, table: { id: config.table.id, version: config.table.version } } };
}
