import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";

import { validateGraph, type Graph, type GraphInput } from "../engine";
import { createPrismaClient, type PrismaClient } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";
import { VirtualClock } from "../server/runtime/clock";
import type { CommitQueue, CommittedBatch, PersistUnit, RunRowUpdate } from "../server/runtime/persistence/commit-queue";
import { verifyLedger } from "../server/runtime/ledger/verify-ledger";
import { Runtime } from "../server/runtime/runtime";
import { summarize, type Bench } from "./registry";

const RUNS = 100;
const TASKS = 9;
const ROUNDS = 7;
const WARM_UP_ROUNDS = 3;
const TARGET_RATE = 5_000;
const TARGET_RATIO = 1 / 3;

/** start → 9 `transform` tasks → end: 10 automated steps, no model, no timers, no people. */
function benchGraph(): Graph {
  const nodes: GraphInput["nodes"] = [
    {
      id: "start",
      type: "start",
      config: {
        inputFields: [
          { name: "orderId", type: "string" },
          { name: "customer", type: "string" },
          { name: "amount", type: "number" },
          { name: "currency", type: "string" },
          { name: "lines", type: "array" },
        ],
      },
    },
    { id: "done", type: "end", config: { outcome: "completed" } },
    { id: "failed", type: "end", config: { outcome: "failed" } },
  ];
  const edges: GraphInput["edges"] = [];
  let previous = { id: "start", handle: "next" };
  for (let index = 1; index <= TASKS; index++) {
    const id = `step${index}`;
    nodes.push({
      id,
      type: "task",
      config: {
        connector: "transform",
        input: {
          orderId: "input.orderId",
          customer: "input.customer",
          total: `input.amount * ${index}`,
          label: `"step ${index} of " + input.customer + " (" + input.currency + ")"`,
          lineCount: "size(input.lines)",
        },
      },
    });
    edges.push({ id: `e${edges.length}`, source: previous.id, sourceHandle: previous.handle, target: id });
    edges.push({ id: `e${edges.length}`, source: id, sourceHandle: "error", target: "failed" });
    previous = { id, handle: "success" };
  }
  edges.push({ id: `e${edges.length}`, source: previous.id, sourceHandle: previous.handle, target: "done" });
  const result = validateGraph({ schemaVersion: 1, id: "bench-runtime", name: "Runtime bench", nodes, edges });
  if (!result.ok) throw new Error(`bench graph is invalid: ${JSON.stringify(result.problems)}`);
  return result.graph;
}

function runInput(index: number) {
  return {
    orderId: `ORD-${String(index).padStart(6, "0")}`,
    customer: `Customer ${index} GmbH`,
    amount: 1000 + index,
    currency: "EUR",
    lines: [
      { sku: "A-100", quantity: 2, price: 250 },
      { sku: "B-200", quantity: 1, price: 500 + index },
    ],
  };
}

function sqliteSettings(read: (pragma: string) => unknown): string {
  return `journal_mode=${String(read("journal_mode"))}, synchronous=${String(read("synchronous"))} (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA), foreign_keys=${String(read("foreign_keys"))}`;
}

type Round = { transitions: number; ms: number; cpuMs: number; latencies: number[]; batches: number };

/** One round: 100 runs started at once; done when every run has finished and its last row is durable. */
async function runtimeRound(runtime: Runtime, queue: CommitQueue, db: PrismaClient, graph: Graph, workflowId: string, round: number, capture?: PersistUnit[]): Promise<Round> {
  const latencies: number[] = [];
  let batches = 0;
  queue.onCommit = (batch: CommittedBatch) => {
    batches += 1;
    batch.units.forEach((unit, index) => {
      if (unit.events.length === 0) return;
      latencies.push(batch.committedAt - batch.queuedAt[index]!);
      capture?.push(unit);
    });
  };
  const before = await db.runEvent.count();
  // Rows are published on the bus only after their commit: a run's terminal row arriving means it is finished and durable.
  let unsubscribe = () => {};
  const finished = new Promise<void>((resolve) => {
    let remaining = RUNS;
    unsubscribe = runtime.bus.subscribe({ workflowId }, (message) => {
      if (message.status !== "running" && message.status !== "waiting" && --remaining === 0) resolve();
    });
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const runIds = await Promise.all(
    Array.from({ length: RUNS }, async (_, index) => {
      const { runId } = await runtime.startRun({
        workflowId,
        versionId: null,
        graph,
        input: runInput(round * RUNS + index),
        shadow: false,
        startedById: null,
      });
      return runId;
    }),
  );
  await finished;
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  queue.onCommit = undefined;
  unsubscribe();
  const transitions = (await db.runEvent.count()) - before;
  const unfinished = await db.run.count({ where: { id: { in: runIds }, status: { not: "completed" } } });
  if (unfinished > 0) throw new Error(`${unfinished} bench runs did not complete`);
  if (transitions !== latencies.length) throw new Error(`ledger has ${transitions} new rows but ${latencies.length} transitions were committed`);
  return { transitions, ms, cpuMs: (user + system) / 1000, latencies, batches };
}

/** DateTime as the Prisma SQLite adapter stores it (ISO 8601 text). */
const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");

type RawRow = { events: PersistUnit["events"]; run: RunRowUpdate & { id: string } };

/** The captured units as plain rows for the raw baseline. */
function rawRows(units: PersistUnit[]): RawRow[] {
  return units.map((unit) => ({ events: unit.events, run: { id: unit.run!.id, ...unit.run!.data } }));
}

/**
 * better-sqlite3 directly: the same ledger rows and run-row updates the runtime wrote, on a fresh
 * migrated file. `batch` = how many transitions share one transaction (1 = each durable alone).
 */
function rawRound(file: string, rows: RawRow[], graph: string, input: string, workflowId: string, suffix: string, batch: number): number {
  const db = new Database(file);
  try {
    db.pragma("busy_timeout = 10000");
    const createRun = db.prepare(
      `INSERT INTO "Run" (id, workflowId, graph, ruleVersions, status, shadow, input, snapshot, createdAt, updatedAt) VALUES (?, ?, ?, '{}', 'running', 0, ?, '{}', ?, ?)`,
    );
    const insertEvent = db.prepare(
      `INSERT INTO "RunEvent" (runId, seq, at, actor, type, fromNodes, toNodes, payload, rationale, prevHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const updateRun = db.prepare(
      `UPDATE "Run" SET snapshot = coalesce(?, snapshot), status = ?, outcome = ?, visits = ?, lastSeq = ?, lastHash = ?, stepCount = ?,
         error = coalesce(?, error), finishedAt = coalesce(?, finishedAt), updatedAt = ? WHERE id = ?`,
    );
    const created = new Set<string>();
    const write = db.transaction((chunk: RawRow[]) => {
      const runs = new Map<string, RawRow["run"]>();
      for (const row of chunk) {
        const runId = row.run.id + suffix;
        const now = iso(new Date());
        if (!created.has(runId)) {
          createRun.run(runId, workflowId, graph, input, now, now);
          created.add(runId);
        }
        for (const event of row.events) {
          insertEvent.run(runId, event.seq, iso(event.at), event.actor, event.type, event.fromNodes, event.toNodes, event.payload, event.rationale ?? null, event.prevHash, event.hash);
        }
        runs.set(runId, { ...runs.get(runId), ...row.run });
      }
      const now = iso(new Date());
      for (const [id, run] of runs) {
        updateRun.run(run.snapshot ?? null, run.status, run.outcome, run.visits, run.lastSeq, run.lastHash, run.stepCount, run.error ?? null, run.finishedAt ? iso(run.finishedAt) : null, now, id);
      }
    });
    const started = performance.now();
    for (let index = 0; index < rows.length; index += batch) write.immediate(rows.slice(index, index + batch));
    return performance.now() - started;
  } finally {
    db.close();
  }
}

/**
 * Issue 4: 100 concurrent runs of a 10-step automated workflow through `Runtime.startRun`:
 * persisted transitions/s (a transition counts once its ledger row and snapshot are committed),
 * commit latency per transition, and the raw better-sqlite3 rate of the same writes.
 */
export const runtimeBench: Bench = {
  name: "runtime: 100 concurrent 10-step runs",
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), "flowgate-bench-"));
    const url = `file:${join(dir, "runtime.db")}`;
    const rawFile = join(dir, "raw.db");
    applyMigrations(url);
    applyMigrations(`file:${rawFile}`);
    const db = createPrismaClient(url);
    try {
      const graph = benchGraph();
      const workflow = await db.workflow.create({ data: { name: "Runtime bench", draftGraph: JSON.stringify(graph) } });
      const runtime = new Runtime({ db, clock: new VirtualClock(Date.UTC(2026, 10, 2, 9, 0)), model: { defaultModel: "gpt-4.1-mini" }, sleep: () => Promise.resolve() });
      const queue = (runtime as unknown as { queue: CommitQueue }).queue;
      const runtimePragma = async (pragma: string) => Object.values(((await db.$queryRawUnsafe(`PRAGMA ${pragma}`)) as Record<string, unknown>[])[0] ?? {})[0];
      const runtimeValues = new Map<string, unknown>();
      for (const pragma of ["journal_mode", "synchronous", "foreign_keys"]) runtimeValues.set(pragma, await runtimePragma(pragma));
      const runtimeSettings = sqliteSettings((pragma) => runtimeValues.get(pragma));

      // Warm-up rounds (JIT, compiled machine cache): the figures are the steady state. The first
      // round's units are what the raw baseline replays.
      const captured: PersistUnit[] = [];
      await runtimeRound(runtime, queue, db, graph, workflow.id, 0, captured);
      for (let warm = 1; warm < WARM_UP_ROUNDS; warm++) await runtimeRound(runtime, queue, db, graph, workflow.id, 100 + warm);
      const rows = rawRows(captured);
      const graphText = JSON.stringify(graph);
      const inputText = JSON.stringify(runInput(0));
      const rawDb = new Database(rawFile);
      const rawSettings = sqliteSettings((pragma) => rawDb.pragma(pragma, { simple: true }));
      rawDb.prepare(`INSERT INTO "Workflow" (id, name, draftGraph, createdAt, updatedAt) VALUES ('bench', 'Runtime bench', ?, 0, 0)`).run(graphText);
      rawDb.close();
      rawRound(rawFile, rows, graphText, inputText, "bench", ":warm", 1);

      // Runtime and raw rounds alternate, so a change in machine load hits both sides of each ratio alike.
      const rate = (transitions: number, ms: number) => (transitions / ms) * 1000;
      const rounds: (Round & { rawSingle: number; rawBatched: number; batch: number })[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const measured = await runtimeRound(runtime, queue, db, graph, workflow.id, round);
        const batch = Math.max(1, Math.round(measured.transitions / measured.batches));
        const rawSingle = rate(rows.length, rawRound(rawFile, rows, graphText, inputText, "bench", `:single${round}`, 1));
        const rawBatched = rate(rows.length, rawRound(rawFile, rows, graphText, inputText, "bench", `:batched${round}`, batch));
        rounds.push({ ...measured, rawSingle, rawBatched, batch });
      }
      await runtime.shutdown();
      // Every run's ledger must be a complete, intact hash chain (checked outside the timings).
      const ledger = await db.runEvent.findMany({ orderBy: [{ runId: "asc" }, { seq: "asc" }] });
      const byRun = new Map<string, typeof ledger>();
      for (const row of ledger) byRun.set(row.runId, [...(byRun.get(row.runId) ?? []), row]);
      const broken = [...byRun.values()].filter((chain) => chain.length !== rows.length / RUNS || !verifyLedger(chain).ok).length;
      if (broken > 0) throw new Error(`${broken} bench runs have a broken ledger`);

      const rates = rounds.map((round) => rate(round.transitions, round.ms));
      const median = (values: number[]) => summarize(values).median;
      const runtimeRate = median(rates);
      const cpuRate = median(rounds.map((round) => rate(round.transitions, round.cpuMs)));
      const rawSingleRate = median(rounds.map((round) => round.rawSingle));
      const rawBatchedRate = median(rounds.map((round) => round.rawBatched));
      const ratio = median(rounds.map((round, index) => rates[index]! / round.rawSingle));
      const ratioBatched = median(rounds.map((round, index) => rates[index]! / round.rawBatched));
      const latency = summarize(rounds.flatMap((round) => round.latencies));
      const eventBytes = rows.reduce((sum, row) => sum + row.events.reduce((bytes, event) => bytes + event.payload.length + event.fromNodes.length + event.toNodes.length + event.hash.length * 2, 0), 0) / rows.length;
      const snapshotBytes = rows.reduce((sum, row) => sum + (row.run.snapshot?.length ?? 0), 0) / rows.length;

      const ok = (good: boolean, target: string) => (good ? `ok (${target})` : `MISSED (${target})`);
      console.log(`runtime db : ${runtimeSettings}`);
      console.log(`raw db     : ${rawSettings}`);
      console.log(`             WAL + NORMAL: a commit survives a crash of the process; only an OS crash or power loss can undo the last commits.`);
      console.log(`workload   : ${RUNS} runs x ${rows.length / RUNS} transitions (start → ${TASKS} transform tasks → end), ${ROUNDS} rounds after ${WARM_UP_ROUNDS} warm-up; ledger row ~${Math.round(eventBytes)} B, snapshot ~${Math.round(snapshotBytes)} B`);
      console.log(`runtime    : ${rates.map((value) => value.toFixed(0)).join(", ")} transitions/s per round; median ${runtimeRate.toFixed(0)}/s  ${ok(runtimeRate >= TARGET_RATE, `≥ ${TARGET_RATE}/s`)}`);
      console.log(`             ${rows.length} ledger rows per round counted in the DB, ${byRun.size} hash chains verified; group-commit batch ~${median(rounds.map((round) => round.batch))} transitions; ${cpuRate.toFixed(0)} transitions per CPU-second of this process`);
      console.log(`commit lat.: p50 ${latency.median.toFixed(2)} ms, p95 ${latency.p95.toFixed(2)} ms (queued in memory → its transaction committed)`);
      console.log(`raw sqlite : ${rawSingleRate.toFixed(0)}/s one transaction per transition; ${rawBatchedRate.toFixed(0)}/s in batches the size of the runtime's (median of ${ROUNDS})`);
      console.log(`ratio      : ${ratio.toFixed(2)} = runtime / raw one-transaction-per-transition (median of per-round ratios)  ${ok(ratio >= TARGET_RATIO, "≥ 0.33")}; vs raw batched ${ratioBatched.toFixed(2)}`);
      console.log(`load avg   : ${loadavg().map((value) => value.toFixed(2)).join(", ")} on ${availableParallelism()} CPUs`);
    } finally {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
