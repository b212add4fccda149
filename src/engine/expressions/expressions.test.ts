import { describe, expect, it } from "vitest";

import { analyzeExpression, analyzeTemplate } from "./analyze";
import { evaluateExpression, evaluateMapping, renderTemplate, testCondition } from "./evaluate";

const scope = { input: { amount: 1200.5, count: 3, name: "ACME", tags: ["a", "b"] }, steps: { lookup: { outcome: "success", output: { amount: 1000 } } } };
const fields = { input: ["amount", "count", "name", "tags"], steps: ["lookup"] };

describe("expressions (CEL)", () => {
  it("numbers behave as users expect: JSON numbers and int literals mix", () => {
    expect(testCondition("input.amount > 1000", scope)).toBe(true);
    expect(testCondition("input.count > 1", { ...scope, input: { ...scope.input, count: 1200 } })).toBe(true);
    expect(evaluateExpression("input.amount - steps.lookup.output.amount", scope)).toBe(200.5);
    expect(evaluateExpression("input.count + 1", scope)).toBe(4);
    expect(evaluateExpression("2 * input.count", scope)).toBe(6);
    expect(evaluateExpression("1 + 2", scope)).toBe(3);
    expect(evaluateExpression("input.tags.exists(t, t == 'b')", scope)).toBe(true);
    expect(evaluateExpression("{'n': size(input.tags)}", scope)).toEqual({ n: 2 });
  });

  it("a failing condition counts as false; a failing mapping field is reported", () => {
    expect(testCondition("input.missing > 1", scope)).toBe(false);
    expect(evaluateMapping({ ok: "input.name", bad: "input.missing" }, scope)).toEqual({ values: { ok: "ACME" }, errors: { bad: expect.any(String) } });
  });

  it("parse errors carry offset, line and column", () => {
    const [error] = analyzeExpression("input.amount >\n  ", { fields });
    expect(error).toMatchObject({ kind: "syntax", offset: 17, line: 2, column: 3 });
    const [template] = analyzeTemplate("Hello\n{{ input.name + }}", { fields });
    expect(template).toMatchObject({ kind: "syntax", line: 2 });
  });

  it("unknown variables and fields are reported with their position", () => {
    expect(analyzeExpression("amount > 1", { fields })[0]).toMatchObject({ kind: "unknown_field", offset: 0 });
    expect(analyzeExpression("input.amount > 1 && input.total > 2", { fields })[0]).toMatchObject({ kind: "unknown_field", offset: 20 });
    expect(analyzeExpression("steps.nope.output", { fields })[0]?.message).toContain("steps.nope");
    expect(analyzeExpression("steps.lookup.result", { fields })[0]?.message).toContain("outcome, output, error");
    expect(analyzeExpression('steps["lookup"].output.amount > input.amount', { fields })).toEqual([]);
  });

  it("user text is never executed as JavaScript, and runaway regexes are refused", () => {
    expect(analyzeExpression("constructor.constructor('return process')()").length).toBeGreaterThan(0);
    expect(() => evaluateExpression("this.process", scope)).toThrow();
    expect(analyzeExpression('input.name.matches("(a+)+$")', { fields })[0]?.kind).toBe("type");
    expect(analyzeExpression("(".repeat(100) + "1" + ")".repeat(100))[0]?.kind).toBe("syntax");
  });

  it("templates render values and JSON", () => {
    expect(renderTemplate("Pay {{ input.name }} {{ input.amount }} {{ input.tags }} {{ input.nope }}!", scope)).toBe('Pay ACME 1200.5 ["a","b"] !');
  });
});
