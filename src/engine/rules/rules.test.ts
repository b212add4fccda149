import { describe, expect, it } from "vitest";

import { checkDecisionTable } from "./check-table";
import { evaluateDecisionTable } from "./evaluate-table";
import { findOverlaps } from "./overlaps";
import { DecisionTableSchema, type DecisionTableInput } from "./table";
import { parseUnaryTest } from "./unary-test";

const table = (hitPolicy: DecisionTableInput["hitPolicy"], rules: [string, string, string][]) =>
  DecisionTableSchema.parse({
    id: "discounts",
    hitPolicy,
    inputs: [
      { name: "amount", type: "number" },
      { name: "tier", type: "string" },
    ],
    outputs: [{ name: "discount", type: "string" }],
    rules: rules.map(([amount, tier, discount]) => ({ when: [amount, tier], then: [discount] })),
  });

describe("decision tables", () => {
  it("parses the unary-test forms", () => {
    expect(parseUnaryTest("-")).toEqual({ kind: "any" });
    expect(parseUnaryTest("> 1000")).toEqual({ kind: "compare", op: ">", value: 1000 });
    expect(parseUnaryTest("[100..500)")).toEqual({ kind: "range", low: 100, high: 500, lowOpen: false, highOpen: true });
    expect(parseUnaryTest('"gold","silver"')).toEqual({ kind: "values", values: ["gold", "silver"], negate: false });
    expect(parseUnaryTest('not("gold")')).toEqual({ kind: "values", values: ["gold"], negate: true });
    expect(parseUnaryTest("value % 2 == 0")).toEqual({ kind: "expression", source: "value % 2 == 0" });
  });

  const rows: [string, string, string][] = [
    ["> 1000", '"gold","silver"', "big"],
    ["[100..1000]", "-", "medium"],
    ["-", '"gold"', "loyal"],
    ["value < 100 && inputs.tier != 'gold'", "-", "none"],
  ];

  it("FIRST returns the first match; COLLECT all matches", () => {
    expect(evaluateDecisionTable(table("FIRST", rows), { amount: 1200.5, tier: "gold" })).toEqual({ ok: true, matched: [0], output: { discount: "big" } });
    expect(evaluateDecisionTable(table("COLLECT", rows), { amount: 1200, tier: "gold" })).toMatchObject({ output: [{ discount: "big" }, { discount: "loyal" }] });
    expect(evaluateDecisionTable(table("FIRST", rows), { amount: 50, tier: "bronze" })).toMatchObject({ output: { discount: "none" } });
    expect(evaluateDecisionTable(table("FIRST", rows), { amount: 50, tier: "platinum" }).ok).toBe(true);
    expect(evaluateDecisionTable(table("FIRST", rows.slice(0, 2)), { amount: 5, tier: "x" })).toEqual({ ok: true, matched: [], output: null });
  });

  it("UNIQUE: more than one match is an error; ANY: only equal outputs may overlap", () => {
    expect(evaluateDecisionTable(table("UNIQUE", rows), { amount: 1200, tier: "gold" })).toMatchObject({ ok: false, error: { code: "UNIQUE_VIOLATION", rules: [0, 2] } });
    expect(evaluateDecisionTable(table("UNIQUE", rows), { amount: 500, tier: "x" })).toMatchObject({ ok: true, output: { discount: "medium" } });
    expect(evaluateDecisionTable(table("ANY", rows), { amount: 1200, tier: "gold" })).toMatchObject({ ok: false, error: { code: "ANY_CONFLICT" } });
    const same: [string, string, string][] = [["> 10", "-", "x"], ["> 20", "-", "x"]];
    expect(evaluateDecisionTable(table("ANY", same), { amount: 30, tier: "" })).toMatchObject({ ok: true, output: { discount: "x" } });
  });

  it("finds overlapping rows, and reports them under UNIQUE", () => {
    expect(findOverlaps(table("UNIQUE", rows.slice(0, 3)))).toEqual([
      { rules: [0, 2], certain: true },
      { rules: [1, 2], certain: true },
    ]);
    expect(findOverlaps(table("UNIQUE", [["< 100", "-", "a"], ["[100..200]", "-", "b"], ["(200..300]", "-", "c"]]))).toEqual([]);
    expect(findOverlaps(table("UNIQUE", [["<= 100", "-", "a"], ["[100..200]", "-", "b"]]))).toEqual([{ rules: [0, 1], certain: true }]);
    expect(findOverlaps(table("UNIQUE", [["-", 'not("gold")', "a"], ["-", '"gold"', "b"]]))).toEqual([]);
    const checked = checkDecisionTable(table("UNIQUE", rows));
    expect(checked.ok).toBe(false);
    expect(checked.problems.map((problem) => [problem.code, problem.severity])).toContainEqual(["OVERLAPPING_RULES", "error"]);
  });

  it("checks cells and output types", () => {
    const broken = checkDecisionTable({ ...table("FIRST", [["> 1", '"a"', "x"]]), rules: [{ when: ["value >", "> 3"], then: [5] }] });
    expect(broken.problems.map((problem) => problem.code).sort()).toEqual(["CELL_SYNTAX_ERROR", "CELL_TYPE_MISMATCH", "OUTPUT_TYPE_MISMATCH"]);
    expect(checkDecisionTable({ id: "x" }).ok).toBe(false);
  });
});
