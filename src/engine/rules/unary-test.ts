import { testCondition } from "../expressions/evaluate";

/** Variables a cell expression sees: the column's value and all inputs. */
export const CELL_VARIABLES = ["value", "inputs"] as const;

type Literal = string | number | boolean;

/** A parsed cell. */
export type UnaryTest =
  | { kind: "any" }
  | { kind: "compare"; op: "<" | "<=" | ">" | ">=" | "=" | "!="; value: number }
  | { kind: "range"; low: number; high: number; lowOpen: boolean; highOpen: boolean }
  | { kind: "values"; values: Literal[]; negate: boolean }
  | { kind: "expression"; source: string };

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const LITERAL = String.raw`"(?:[^"\\]|\\.)*"|${NUMBER}|true|false`;
const COMPARE = new RegExp(String.raw`^(<=|>=|!=|<|>|=)\s*(${NUMBER})$`);
const RANGE = new RegExp(String.raw`^([\[\(\]])\s*(${NUMBER})\s*\.\.\s*(${NUMBER})\s*([\]\)\[])$`);
const LIST = new RegExp(String.raw`^(?:${LITERAL})(?:\s*,\s*(?:${LITERAL}))*$`);
const LITERALS = new RegExp(LITERAL, "g");
const NOT = /^not\s*\((.*)\)$/s;

function literals(text: string): Literal[] {
  return (text.match(LITERALS) ?? []).map((literal) => JSON.parse(literal) as Literal);
}

/**
 * Parses a table cell. Anything that is not one of the unary-test forms is a CEL expression.
 *
 * @example parseUnaryTest("[100..500]") // { kind: "range", low: 100, high: 500, lowOpen: false, highOpen: false }
 */
export function parseUnaryTest(cell: string): UnaryTest {
  const text = cell.trim();
  if (text === "" || text === "-") return { kind: "any" };
  const compare = COMPARE.exec(text);
  if (compare) return { kind: "compare", op: compare[1] as "<", value: Number(compare[2]) };
  const range = RANGE.exec(text);
  if (range) {
    return { kind: "range", low: Number(range[2]), high: Number(range[3]), lowOpen: range[1] !== "[", highOpen: range[4] !== "]" };
  }
  if (LIST.test(text)) return { kind: "values", values: literals(text), negate: false };
  const negated = NOT.exec(text);
  if (negated && LIST.test(negated[1]!.trim())) return { kind: "values", values: literals(negated[1]!), negate: true };
  return { kind: "expression", source: text };
}

function compare(op: Extract<UnaryTest, { kind: "compare" }>["op"], left: number, right: number): boolean {
  switch (op) {
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    case "=":
      return left === right;
    case "!=":
      return left !== right;
  }
}

/** Whether a value passes a cell; `inputs` is the whole input row, for expression cells. */
export function passes(test: UnaryTest, value: unknown, inputs: Record<string, unknown>): boolean {
  switch (test.kind) {
    case "any":
      return true;
    case "compare":
      return typeof value === "number" && compare(test.op, value, test.value);
    case "range":
      return (
        typeof value === "number" &&
        (test.lowOpen ? value > test.low : value >= test.low) &&
        (test.highOpen ? value < test.high : value <= test.high)
      );
    case "values":
      return test.values.includes(value as Literal) !== test.negate;
    case "expression":
      return testCondition(test.source, { value: value ?? null, inputs }, CELL_VARIABLES);
  }
}
