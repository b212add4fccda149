import type { DecisionTable } from "./table";
import { parseUnaryTest, type UnaryTest } from "./unary-test";

/** Two rows that some input matches both of. `certain: false` when an expression cell makes it undecidable. */
export interface RuleOverlap {
  rules: [number, number];
  certain: boolean;
}

type Interval = { low: number; high: number; lowOpen: boolean; highOpen: boolean };

function intervalsOf(test: UnaryTest): Interval[] | undefined {
  switch (test.kind) {
    case "range":
      return [test];
    case "compare": {
      const { op, value } = test;
      if (op === "=") return [{ low: value, high: value, lowOpen: false, highOpen: false }];
      if (op === "!=") return [{ low: -Infinity, high: value, lowOpen: true, highOpen: true }, { low: value, high: Infinity, lowOpen: true, highOpen: true }];
      if (op === "<" || op === "<=") return [{ low: -Infinity, high: value, lowOpen: true, highOpen: op === "<" }];
      return [{ low: value, high: Infinity, lowOpen: op === ">", highOpen: true }];
    }
    case "values":
      if (test.negate || !test.values.every((value) => typeof value === "number")) return undefined;
      return test.values.map((value) => ({ low: value as number, high: value as number, lowOpen: false, highOpen: false }));
    default:
      return undefined;
  }
}

function intervalsMeet(a: Interval, b: Interval): boolean {
  const low = Math.max(a.low, b.low);
  const high = Math.min(a.high, b.high);
  if (low < high) return true;
  if (low > high) return false;
  const lowOpen = (a.low === low && a.lowOpen) || (b.low === low && b.lowOpen);
  const highOpen = (a.high === high && a.highOpen) || (b.high === high && b.highOpen);
  return !lowOpen && !highOpen;
}

/** Whether two cells of one column can both hold: true, false, or undefined (undecidable). */
function cellsMeet(a: UnaryTest, b: UnaryTest): boolean | undefined {
  if (a.kind === "any" || b.kind === "any") return true;
  if (a.kind === "expression" || b.kind === "expression") return undefined;
  if (a.kind === "values" && b.kind === "values") {
    if (a.negate && b.negate) return true;
    if (a.negate !== b.negate) {
      const [plain, negated] = a.negate ? [b, a] : [a, b];
      return plain.values.some((value) => !negated.values.includes(value));
    }
    return a.values.some((value) => b.values.includes(value));
  }
  const left = intervalsOf(a);
  const right = intervalsOf(b);
  if (!left || !right) return undefined;
  return left.some((x) => right.some((y) => intervalsMeet(x, y)));
}

/**
 * Finds pairs of rows that can match the same input, column by column.
 *
 * @remarks Under hit policy UNIQUE each certain overlap is an error; use it when a table is saved.
 */
export function findOverlaps(table: DecisionTable): RuleOverlap[] {
  const parsed = table.rules.map((rule) => rule.when.map(parseUnaryTest));
  const overlaps: RuleOverlap[] = [];
  for (let first = 0; first < parsed.length; first++) {
    for (let second = first + 1; second < parsed.length; second++) {
      let certain = true;
      let meet = true;
      for (let column = 0; column < table.inputs.length && meet; column++) {
        const result = cellsMeet(parsed[first]![column] ?? { kind: "any" }, parsed[second]![column] ?? { kind: "any" });
        if (result === false) meet = false;
        if (result === undefined) certain = false;
      }
      if (meet) overlaps.push({ rules: [first, second], certain });
    }
  }
  return overlaps;
}
