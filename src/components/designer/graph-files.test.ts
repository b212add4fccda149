import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { machineConfigOf, parseGraphFile } from "./graph-files";

const invoice = readFileSync("examples/invoice-approval.json", "utf8");

describe("graph files", () => {
  it("imports a workflow file", () => {
    const parsed = parseGraphFile(invoice);
    expect(parsed.ok && parsed.graph.id).toBe("invoice-approval");
  });

  it("imports a draft with mistakes, which the canvas then shows", () => {
    const draft = { ...JSON.parse(invoice), edges: [] };
    const parsed = parseGraphFile(JSON.stringify(draft));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.problems.some((problem) => problem.code === "MISSING_OUTCOME_EDGE")).toBe(true);
  });

  it("refuses files that are not JSON or not a workflow", () => {
    expect(parseGraphFile("{ nope")).toMatchObject({ ok: false, message: expect.stringContaining("not valid JSON") });
    expect(parseGraphFile('{"hello": 1}')).toMatchObject({ ok: false, message: expect.stringContaining("not a Flowgate workflow") });
    expect(parseGraphFile(JSON.stringify({ ...JSON.parse(invoice), nodes: [{ id: "x", type: "teleport" }] }))).toMatchObject({ ok: false });
  });

  it("exports the machine config only for a valid graph", () => {
    const valid = machineConfigOf(JSON.parse(invoice));
    expect(valid.ok && (valid.config as { id: string }).id).toBe("invoice-approval");
    const invalid = machineConfigOf({ ...JSON.parse(invoice), edges: [] });
    expect(invalid).toMatchObject({ ok: false, message: expect.stringContaining("once the graph is valid") });
  });
});
