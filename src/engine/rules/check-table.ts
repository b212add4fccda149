import { analyzeExpression } from "../expressions/analyze";
import { formatExpressionError } from "../expressions/expression-error";
import { findOverlaps } from "./overlaps";
import { DecisionTableSchema, type DecisionTable } from "./table";
import { CELL_VARIABLES, parseUnaryTest } from "./unary-test";

/** A problem in a decision table. */
export interface TableProblem {
  code: "INVALID_TABLE" | "CELL_SYNTAX_ERROR" | "CELL_TYPE_MISMATCH" | "OUTPUT_TYPE_MISMATCH" | "OVERLAPPING_RULES";
  severity: "error" | "warning";
  message: string;
  rule?: number;
  column?: string;
}

const NUMERIC_KINDS = new Set(["compare", "range"]);

function cellProblems(table: DecisionTable): TableProblem[] {
  const problems: TableProblem[] = [];
  table.rules.forEach((rule, index) => {
    table.inputs.forEach((column, position) => {
      const test = parseUnaryTest(rule.when[position] ?? "-");
      const at = { rule: index, column: column.name };
      if (test.kind === "expression") {
        for (const error of analyzeExpression(test.source, { variables: CELL_VARIABLES })) {
          problems.push({ code: "CELL_SYNTAX_ERROR", severity: "error", message: `Row ${index + 1}, ${column.name}: ${formatExpressionError(error)}`, ...at });
        }
      } else if (
        (NUMERIC_KINDS.has(test.kind) && column.type !== "number") ||
        (test.kind === "values" && test.values.some((value) => typeof value !== column.type))
      ) {
        problems.push({ code: "CELL_TYPE_MISMATCH", severity: "error", message: `Row ${index + 1}: the ${column.name} cell does not fit a ${column.type} column.`, ...at });
      }
    });
    table.outputs.forEach((column, position) => {
      const value = rule.then[position];
      if (value !== null && value !== undefined && typeof value !== column.type) {
        problems.push({ code: "OUTPUT_TYPE_MISMATCH", severity: "error", message: `Row ${index + 1}: ${column.name} must be a ${column.type}.`, rule: index, column: column.name });
      }
    });
  });
  return problems;
}

/**
 * Checks a decision table before it is saved: shape, cells, output types, and overlapping rows
 * (an error under UNIQUE when certain, a warning when an expression cell makes it undecidable).
 */
export function checkDecisionTable(document: unknown): { ok: true; table: DecisionTable; problems: TableProblem[] } | { ok: false; problems: TableProblem[] } {
  const parsed = DecisionTableSchema.safeParse(document);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ code: "INVALID_TABLE", severity: "error", message: `${issue.path.join(".")}: ${issue.message}` })) };
  }
  const table = parsed.data;
  const problems = cellProblems(table);
  if (table.hitPolicy === "UNIQUE") {
    for (const overlap of findOverlaps(table)) {
      const [first, second] = overlap.rules;
      problems.push({
        code: "OVERLAPPING_RULES",
        severity: overlap.certain ? "error" : "warning",
        message: `Rows ${first + 1} and ${second + 1} ${overlap.certain ? "can" : "may"} match the same input; under UNIQUE only one may.`,
        rule: second,
      });
    }
  }
  return problems.some((found) => found.severity === "error") ? { ok: false, problems } : { ok: true, table, problems };
}
