import { describe, expect, it } from "vitest";
import { initialValues, inputFieldsOf, parseRunInput, type InputField } from "./run-input";

const fields: InputField[] = [
  { name: "vendor", type: "string" },
  { name: "amount", type: "number" },
  { name: "count", type: "integer", required: false },
  { name: "urgent", type: "boolean" },
  { name: "due", type: "date", required: false },
  { name: "meta", type: "object", required: false },
  { name: "lines", type: "array" },
];

describe("parseRunInput", () => {
  it("turns form text into typed input and leaves empty optional fields out", () => {
    const values = { ...initialValues(fields), vendor: "Globex", amount: " 9000.5 ", urgent: true, count: "", due: "" };
    expect(parseRunInput(fields, values)).toEqual({
      input: { vendor: "Globex", amount: 9000.5, urgent: true, meta: {}, lines: [] },
      errors: {},
    });
  });

  it("names every field that does not parse", () => {
    const values = { vendor: "", amount: "", count: "1.5", urgent: false, due: "tomorrow", meta: "[1]", lines: "{oops" };
    const { errors } = parseRunInput(fields, values);
    expect(Object.keys(errors).sort()).toEqual(["amount", "count", "due", "lines", "meta"]);
    expect(errors.amount).toBe("Required.");
    expect(errors.count).toBe("Enter a whole number.");
    expect(errors.meta).toBe("Enter a JSON object, e.g. {}.");
    expect(errors.lines).toMatch(/^Not valid JSON/);
  });

  it("accepts dates and times with an offset", () => {
    const date: InputField[] = [{ name: "due", type: "date" }];
    expect(parseRunInput(date, { due: "2025-01-31" }).input).toEqual({ due: "2025-01-31" });
    expect(parseRunInput(date, { due: "2025-01-31T09:00:00Z" }).input).toEqual({ due: "2025-01-31T09:00:00Z" });
  });
});

describe("inputFieldsOf", () => {
  it("reads the start node's fields, or none", () => {
    expect(inputFieldsOf({ nodes: [{ type: "end" }, { type: "start", config: { inputFields: fields } }] })).toBe(fields);
    expect(inputFieldsOf({ nodes: [{ type: "start", config: {} }] })).toEqual([]);
    expect(inputFieldsOf(null)).toEqual([]);
  });
});
