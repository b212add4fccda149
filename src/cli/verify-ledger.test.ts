import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";

import { spawnCli } from "./testing/spawn-cli";

const scratch = mkdtempSync(join(tmpdir(), "flowgate-cli-verify-"));
const dbFile = join(scratch, "kept.db");
let runId: string;
let rows: number;
let lastHash: string;

beforeAll(async () => {
  const run = await spawnCli([
    "run",
    "examples/invoice-approval.json",
    "--input",
    JSON.stringify({ vendor: "Globex", invoiceNumber: "INV-9", amount: 24500, poNumber: "PO-1002", lines: [] }),
    "--events",
    "examples/events/invoice-over-threshold.jsonl",
    "--clock",
    "virtual",
    "--db",
    dbFile,
  ]);
  expect(run.code).toBe(0);
  const status = run.lines.at(-1)!;
  expect(status).toMatchObject({ status: "completed", db: dbFile });
  runId = status.runId as string;
  rows = run.lines.length - 1;
  lastHash = run.lines.at(-2)!.hash as string;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it("verifies the chain of a run kept with --db, from another cwd, and names an unknown run", { timeout: 60_000 }, async () => {
  const [ok, unknown] = await Promise.all([
    spawnCli(["verify-ledger", runId, "--db", dbFile], { cwd: scratch }),
    spawnCli(["verify-ledger", "no-such-run", "--db", `file:${dbFile}`]),
  ]);
  expect(ok).toMatchObject({ code: 0, stderr: "" });
  expect(JSON.parse(ok.stdout)).toEqual({ ok: true, rows, lastHash });
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain("No run with id no-such-run");
});

it("fails naming the seq of a row whose payload was changed in the database", { timeout: 60_000 }, async () => {
  const db = new Database(dbFile);
  try {
    const changed = db.prepare(`UPDATE "RunEvent" SET payload = ? WHERE runId = ? AND seq = 4`).run(JSON.stringify({ forged: true }), runId);
    expect(changed.changes).toBe(1);
  } finally {
    db.close();
  }
  const result = await spawnCli(["verify-ledger", runId, "--db", dbFile]);
  expect(result.code).toBe(1);
  expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, seq: 4 });
  expect(result.stderr).toContain("broken at seq 4");
});
