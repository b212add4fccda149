import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { REPO, spawnCli } from "./testing/spawn-cli";

const scratch = mkdtempSync(join(tmpdir(), "flowgate-cli-run-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const INVOICE = join(REPO, "examples/invoice-approval.json");
const invoice = (fields: Record<string, unknown>) => JSON.stringify({ vendor: "Globex", invoiceNumber: "INV-7", lines: [], ...fields });
const eventsFile = (name: string, lines: string[]) => {
  const file = join(scratch, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
};

// Each spawn costs 1-2 s of tsx start-up, so the cases run side by side.
describe.concurrent("flowgate run", { timeout: 60_000 }, () => {
  it("stages a small invoice that matches its PO, from any cwd, printing the ledger then the status", async () => {
    const result = await spawnCli(["run", INVOICE, "--input", invoice({ vendor: "Initech", amount: 1250, poNumber: "PO-1003" })], { cwd: scratch });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const status = result.lines.at(-1)!;
    expect(status).toMatchObject({ status: "completed", outcome: "completed", nodes: ["staged"], steps: result.lines.length - 1 });
    const rows = result.lines.slice(0, -1);
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    expect(rows[0]).toMatchObject({ type: "xstate.init", actor: "system", fromNodes: [], toNodes: ["lookupPo"] });
    expect(Object.keys(rows[0]!)).toEqual(["seq", "at", "actor", "type", "fromNodes", "toNodes", "payload", "rationale", "hash"]);
    expect(rows.at(-1)).toMatchObject({ actor: "connector:invoice.createStaging", toNodes: ["staged"] });
  });

  it("pays an over-threshold invoice after the two approvals of the example events file", async () => {
    const result = await spawnCli([
      "run",
      "examples/invoice-approval.json",
      "--input",
      invoice({ amount: 24500, poNumber: "PO-1002" }),
      "--events",
      "examples/events/invoice-over-threshold.jsonl",
      "--clock",
      "virtual",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const decided = result.lines.filter((row) => row.type === "APPROVAL.DECIDED");
    expect(decided.map((row) => [row.actor, row.fromNodes])).toEqual([
      ["cli", ["review"]],
      ["cli", ["secondApproval"]],
    ]);
    expect(result.lines.at(-1)).toMatchObject({ status: "completed", nodes: ["paid"] });
  });

  it("times the review out after advancing the virtual clock three days", async () => {
    const events = eventsFile("timeout.jsonl", ['{"advance": "P3D"}']);
    const result = await spawnCli(["run", INVOICE, "--input", invoice({ amount: 24500, poNumber: "PO-1002" }), "--events", events, "--clock", "virtual"]);
    expect(result.code).toBe(1);
    const fired = result.lines.find((row) => row.type === "TIMER.FIRED")!;
    expect(fired).toMatchObject({ actor: "system:timer", fromNodes: ["review"], payload: { event: { timerId: "review.deadline" } } });
    const first = Date.parse(result.lines[0]!.at as string);
    expect(Date.parse(fired.at as string) - first).toBe(3 * 24 * 3600_000);
    expect(result.lines.at(-1)).toMatchObject({ status: "cancelled", outcome: "cancelled", nodes: ["expired"] });
  });

  it("stops with exit 1 and the waiting status when an event does not apply", async () => {
    const events = eventsFile("wrong.jsonl", ['{"approve": "secondApproval", "by": "blake"}']);
    const result = await spawnCli(["run", INVOICE, "--input", invoice({ amount: 24500, poNumber: "PO-1002" }), "--events", events, "--clock", "virtual"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${events}:1: the run does not wait for an approval at "secondApproval"`);
    expect(result.stderr).toContain('approval at "review"');
    expect(result.lines.at(-1)).toMatchObject({ status: "waiting", outcome: null, nodes: ["review"] });
  });

  it("rejects a bad events file before running, naming each bad line (exit 2)", async () => {
    const events = eventsFile("bad.jsonl", [
      '{"approve": "review", "by": "avery"}',
      "",
      '{"reject": "review", "by": "blake"}',
      "not json",
      '{"advance": "three days"}',
    ]);
    const result = await spawnCli(["run", INVOICE, "--input", invoice({ amount: 24500, poNumber: "PO-1002" }), "--events", events, "--clock", "virtual"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      `${events}:3: comment: is required to reject`,
      expect.stringMatching(new RegExp(`^${events.replace(/[.\\]/g, "\\$&")}:4: not valid JSON`)),
      `${events}:5: advance: Use an ISO 8601 duration such as PT30M, PT2H or P1D.`,
    ]);
  });

  it("rejects an invalid graph with its problems as JSON on stderr (exit 2)", async () => {
    const graph = join(scratch, "invalid.json");
    writeFileSync(graph, JSON.stringify({ schemaVersion: 1, id: "broken", name: "Broken", nodes: [], edges: [] }));
    const result = await spawnCli(["run", graph, "--input", "{}"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const problems = JSON.parse(result.stderr) as { code: string; severity: string }[];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => typeof problem.code === "string")).toBe(true);
  });
});
