import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  CRASH_GRAPHS,
  EXPECTED_EFFECTS,
  effectFileName,
  readSlowEffects,
  type CrashGraphName,
  type CrashRunSpec,
} from "~/server/testing/crash-fixtures";
import { createTestDb, type TestDb } from "~/server/testing/test-db";
import { verifyLedger } from "./ledger/verify-ledger";

/**
 * Issue 4's acceptance: a server process is killed with SIGKILL in the middle of many runs (some
 * waiting on timers, some inside side effects) and started again; every run finishes, every
 * ledger is contiguous and its hash chain verifies, and every side effect happened exactly once.
 */

const WORKER = fileURLToPath(new URL("../testing/crash-worker.ts", import.meta.url));
const RUNS = 48;

let testDb: TestDb;
let dir: string;
const workers: Worker[] = [];

/** A worker process (`crash-worker.ts`) and what it printed. */
class Worker {
  readonly child: ChildProcess;
  output = "";
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly events: Record<string, unknown>[] = [];

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ["--import", "tsx", WORKER], {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      // stdin stays open: the worker exits when it closes, so a dead test leaves no process behind.
      stdio: ["pipe", "pipe", "pipe"],
    });
    let pending = "";
    this.child.stdout!.on("data", (chunk: Buffer) => {
      this.output += chunk.toString();
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        try {
          this.events.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // Not one of the worker's JSON lines.
        }
      }
    });
    this.child.stderr!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve({ code, signal })));
    workers.push(this);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async waitFor(event: string, timeoutMs: number): Promise<Record<string, unknown>> {
    return until(`worker event "${event}"`, timeoutMs, async () => {
      if (!this.alive) throw new Error(`The worker exited before "${event}":\n${this.output}`);
      return this.events.find((message) => message.event === event);
    });
  }
}

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n${workers.map((w) => w.output).join("\n---\n")}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

beforeAll(() => {
  testDb = createTestDb();
  dir = mkdtempSync(join(tmpdir(), "flowgate-crash-"));
});

afterAll(async () => {
  for (const worker of workers) if (worker.alive) worker.child.kill("SIGKILL");
  await Promise.all(workers.map((worker) => worker.exited));
  await testDb?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("finishes every run exactly once after the server is killed mid-flight", { timeout: 120_000 }, async () => {
  const { db } = testDb;
  const workflowIds = {} as Record<CrashGraphName, string>;
  for (const [name, graph] of Object.entries(CRASH_GRAPHS) as [CrashGraphName, (typeof CRASH_GRAPHS)[CrashGraphName]][]) {
    const json = JSON.stringify(graph);
    workflowIds[name] = (await db.workflow.create({ data: { name, draftGraph: json } })).id;
  }
  const specs: CrashRunSpec[] = Array.from({ length: RUNS }, (_, index) => {
    const graph: CrashGraphName = index % 2 === 0 ? "crash-seq" : "crash-par";
    return {
      workflowId: workflowIds[graph],
      graph,
      idempotencyKey: `crash-${index}`,
      input: { vendor: `Vendor ${index}`, amount: 100 + index, ticket: `T-${index}`, slowMs: 1000 + (index % 4) * 250 },
    };
  });
  const specFile = join(dir, "runs.json");
  writeFileSync(specFile, JSON.stringify(specs));
  const env = { CRASH_DB_URL: testDb.url, CRASH_DIR: dir };

  // 1. A server starts the runs; it is killed once every run exists, timers are pending and slow
  //    side effects are in flight (including one entered after a timer fired).
  const first = new Worker({ ...env, CRASH_START_FILE: specFile });
  const atKill = await until("runs waiting on timers and inside side effects", 60_000, async () => {
    if (!first.alive) throw new Error(`The first worker exited early:\n${first.output}`);
    const [runs, timers, inFlight] = await Promise.all([
      db.run.count(),
      db.timer.count({ where: { status: "pending" } }),
      db.toolInvocation.findMany({ where: { status: "pending", connector: "test.slow" }, select: { nodeId: true } }),
    ]);
    const afterTimer = inFlight.filter((invocation) => invocation.nodeId === "slow").length;
    return runs === RUNS && timers >= 3 && inFlight.length >= 3 && afterTimer >= 1 ? { timers, inFlight: inFlight.length, afterTimer } : undefined;
  });
  first.child.kill("SIGKILL");
  expect(await first.exited).toMatchObject({ signal: "SIGKILL" });

  const unfinished = await db.run.count({ where: { status: { in: ["running", "waiting"] } } });
  const interrupted = await db.toolInvocation.findMany({ where: { status: "pending" } });
  expect(unfinished).toBeGreaterThan(0);
  expect(interrupted.filter((invocation) => invocation.connector === "test.slow").length).toBeGreaterThan(0);
  console.log(`[crash] killed with ${unfinished}/${RUNS} runs unfinished, ${atKill.timers} timers pending, ${atKill.inFlight} slow calls in flight`);

  // 2. A second server recovers and is killed too, while calls it resumed are again in flight.
  const second = new Worker(env);
  expect((await second.waitFor("recovered", 30_000)).runs).toBe(unfinished);
  await until("resumed side effects in flight", 30_000, async () => {
    if (!second.alive) throw new Error(`The second worker exited early:\n${second.output}`);
    // A call the first server had begun, begun again by this one, and not finished yet.
    const { log } = readSlowEffects(dir);
    const startedBy = (pid: number | undefined) => new Set(log.filter((entry) => entry.phase === "start" && entry.pid === pid).map((entry) => entry.key));
    const before = startedBy(first.child.pid);
    const again = [...startedBy(second.child.pid)].filter((key) => before.has(key));
    const resumed = await db.toolInvocation.count({ where: { status: "pending", idempotencyKey: { in: again } } });
    return resumed >= 1 ? true : undefined;
  });
  second.child.kill("SIGKILL");
  expect(await second.exited).toMatchObject({ signal: "SIGKILL" });
  const unfinishedAgain = await db.run.count({ where: { status: { in: ["running", "waiting"] } } });
  console.log(`[crash] killed again during recovery with ${unfinishedAgain}/${RUNS} runs unfinished`);

  // 3. A third server recovers; every run finishes.
  const third = new Worker(env);
  expect((await third.waitFor("recovered", 30_000)).runs).toBe(unfinishedAgain);
  await until(
    "every run to finish",
    60_000,
    async () => {
      if (!third.alive) throw new Error(`The third worker exited:\n${third.output}`);
      const left = await db.run.count({ where: { status: { in: ["running", "waiting"] } } });
      return left === 0 ? true : undefined;
    },
    100,
  );
  third.child.kill("SIGTERM");
  expect(await third.exited).toMatchObject({ code: 0 });

  // 4. Every run completed, with a contiguous, verifying ledger.
  const runs = await db.run.findMany({ include: { events: { orderBy: { seq: "asc" } }, timers: true, invocations: true } });
  expect(runs).toHaveLength(RUNS);
  const slow = readSlowEffects(dir);
  const expectedSlowKeys = new Set<string>();
  let retried = 0;
  for (const run of runs) {
    const spec = specs.find((candidate) => candidate.idempotencyKey === run.idempotencyKey)!;
    const expected = EXPECTED_EFFECTS[spec.graph];
    const where = `run ${run.idempotencyKey} (${spec.graph})`;
    expect({ where, status: run.status, outcome: run.outcome, error: run.error }).toEqual({ where, status: "completed", outcome: "completed", error: null });
    expect({ where, verdict: verifyLedger(run.events) }).toMatchObject({ where, verdict: { ok: true } });
    expect(run.events.map((event) => event.seq)).toEqual(run.events.map((_, index) => index + 1));
    expect(run.events.at(-1)).toMatchObject({ seq: run.lastSeq, hash: run.lastHash });

    // Timers: each armed once and fired once, and exactly one TIMER.FIRED transition per timer.
    const timerFired = run.events
      .filter((event) => event.type === "TIMER.FIRED")
      .map((event) => (JSON.parse(event.payload) as { event: { timerId: string } }).event.timerId);
    expect({ where, fired: timerFired.sort() }).toEqual({ where, fired: [...expected.timers].sort() });
    expect({ where, timers: run.timers.map((timer) => `${timer.timerId}#${timer.visit}:${timer.status}`).sort() }).toEqual({
      where,
      timers: expected.timers.map((timerId) => `${timerId}#1:fired`).sort(),
    });

    // Side effects: one invocation per task node, succeeded; one row / one effect per key.
    const taskNodes = CRASH_GRAPHS[spec.graph].nodes.filter((node) => node.type === "task").map((node) => node.id);
    expect({ where, invocations: run.invocations.map((invocation) => `${invocation.idempotencyKey}:${invocation.status}`).sort() }).toEqual({
      where,
      invocations: taskNodes.map((nodeId) => `${run.id}:${nodeId}:1:succeeded`).sort(),
    });
    retried += run.invocations.filter((invocation) => invocation.attempts > 1).length;
    const [payments, assignments] = await Promise.all([
      db.scheduledPayment.findMany({ where: { runId: run.id } }),
      db.ticketAssignment.findMany({ where: { runId: run.id } }),
    ]);
    expect({ where, payments: payments.length, assignments: assignments.length }).toEqual({
      where,
      payments: expected.payments,
      assignments: expected.assignments,
    });
    for (const nodeId of expected.slow) expectedSlowKeys.add(`${run.id}:${nodeId}:1`);
  }

  // The slow side effect: exactly one effect per key, and no key completed as "new" twice.
  expect(slow.effects.sort()).toEqual([...expectedSlowKeys].map(effectFileName).sort());
  const newCompletions = new Map<string, number>();
  for (const entry of slow.log) {
    if (entry.phase === "done" && entry.effect === "new") newCompletions.set(entry.key, (newCompletions.get(entry.key) ?? 0) + 1);
  }
  expect([...newCompletions.keys()].sort()).toEqual([...expectedSlowKeys].sort());
  expect([...newCompletions.values()].every((count) => count === 1)).toBe(true);
  // Calls cut off by a kill were resumed by the next server under their key: another attempt, no second effect.
  const processesPerKey = new Map<string, Set<number>>();
  for (const entry of slow.log) {
    if (entry.phase === "start") processesPerKey.set(entry.key, (processesPerKey.get(entry.key) ?? new Set()).add(entry.pid));
  }
  const resumedKeys = [...processesPerKey.values()].filter((pids) => pids.size > 1).length;
  const resumedTwice = [...processesPerKey.values()].filter((pids) => pids.size > 2).length;
  expect(resumedKeys).toBeGreaterThan(0);
  expect(resumedTwice).toBeGreaterThan(0);
  // Not asserted: `attempts` >= number of processes that started the call. The attempt counter is
  // written outside the group-commit transaction but on the same SQLite connection, so it can be
  // swallowed by an open transaction that never commits (see the report on src/server/db/client.ts).
  console.log(
    `[crash] all ${RUNS} runs completed; ${resumedKeys} slow calls resumed after a kill (${resumedTwice} after both); ${retried} invocations took more than one attempt`,
  );
});
