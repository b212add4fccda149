import { performance } from "node:perf_hooks";
import { executeInOpenTransaction, type PrismaClient } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import type { LedgerRow } from "~/server/runtime/ledger/ledger-hash";

type Tx = Prisma.TransactionClient;

/** The run row's columns a transition updates; absent optional fields keep their stored value. */
export interface RunRowUpdate {
  snapshot?: string;
  status: string;
  outcome: string | null;
  visits: string;
  lastSeq: number;
  lastHash: string;
  stepCount: number;
  error?: string;
  finishedAt?: Date;
}

/** The row of a run that starts with this unit's transition. */
export interface NewRunRow {
  id: string;
  workflowId: string;
  versionId: string | null;
  graph: string;
  ruleVersions: string;
  shadow: boolean;
  input: string;
  startedById: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
}

/** Everything one transition writes; all of it commits together or not at all. */
export interface PersistUnit {
  /** A run that starts here: its row is inserted before its first ledger row. */
  newRun?: NewRunRow;
  /** Runs first, before the ledger rows. */
  before?: (tx: Tx) => Promise<void>;
  /** Ledger rows. */
  events: LedgerRow[];
  /** The run row's new state (snapshot, last seq and hash, status…). */
  run?: { id: string; data: RunRowUpdate };
  /** Runs last: approvals, timers, anything else that belongs with this transition. */
  after?: (tx: Tx) => Promise<void>;
}

type Pending = { unit: PersistUnit; queuedAt: number; resolve: () => void; reject: (error: unknown) => void };

/** One durable batch, as instrumentation sees it. Times are `performance.now()` milliseconds. */
export interface CommittedBatch {
  units: readonly PersistUnit[];
  /** When each unit was queued, in the order of `units`. */
  queuedAt: readonly number[];
  /** When the batch's transaction had committed. */
  committedAt: number;
}

const NEW_RUN_COLUMNS = [
  "id",
  "workflowId",
  "versionId",
  "graph",
  "ruleVersions",
  "shadow",
  "input",
  "startedById",
  "idempotencyKey",
  "createdAt",
] as const;
const EVENT_COLUMNS = ["runId", "seq", "at", "actor", "type", "fromNodes", "toNodes", "payload", "rationale", "prevHash", "hash"] as const;
const RUN_COLUMNS = ["id", "snapshot", "status", "outcome", "visits", "lastSeq", "lastHash", "stepCount", "error", "finishedAt", "updatedAt"] as const;
/** Rows per statement, well under SQLite's 32,766 bound parameters. */
const ROWS_PER_STATEMENT = 500;

/** Runs a statement in the batch's open transaction (see `executeInOpenTransaction`). */
type Execute = (sql: string, args: unknown[]) => Promise<number>;

const quoted = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(", ");
const placeholders = (columns: number, rows: number) => Array.from({ length: rows }, () => `(${Array(columns).fill("?").join(", ")})`).join(", ");

/**
 * Group commit: units queued while a transaction is open (or in the same turn of the event loop)
 * are written together in the next one, so many runs share the cost of a commit. Each caller's
 * promise resolves only once its unit is durable. Order is kept: units commit in the order they
 * were queued.
 *
 * @remarks When a batch fails, its units are retried one by one, so one bad unit fails alone.
 * Run updates of one batch are merged per run (the last snapshot wins), which is what makes
 * batching cheap: a run that moved five times in a batch writes its row once. The ledger rows
 * and run rows of a batch are written with one multi-row statement each rather than one ORM
 * call per row: every Prisma model call is compiled to a query plan first, which costs far more
 * than the write itself.
 */
export class CommitQueue {
  private queue: Pending[] = [];
  private draining = false;
  /** Optional instrumentation (benchmarks): called after each batch commits; nothing is timed while it is unset. */
  onCommit: ((batch: CommittedBatch) => void) | undefined;

  constructor(
    private readonly db: PrismaClient,
    private readonly maxBatch = 1000,
  ) {}

  commit(unit: PersistUnit): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ unit, queuedAt: this.onCommit ? performance.now() : 0, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  /** Resolves once everything queued so far is written. */
  async flush(): Promise<void> {
    await this.commit({ events: [] });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      // Yield one turn of the event loop before taking a batch: units queued by the same wave of
      // promise callbacks (runs woken by the previous commit) then share one transaction.
      for (;;) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.queue.length === 0) break;
        const batch = this.queue.splice(0, this.maxBatch);
        const units = batch.map((pending) => pending.unit);
        try {
          await this.write(units);
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          else await this.writeOneByOne(batch);
          continue;
        }
        this.onCommit?.({ units, queuedAt: batch.map((pending) => pending.queuedAt), committedAt: performance.now() });
        for (const pending of batch) pending.resolve();
      }
    } finally {
      this.draining = false;
    }
  }

  private async writeOneByOne(batch: Pending[]): Promise<void> {
    for (const pending of batch) {
      try {
        await this.write([pending.unit]);
      } catch (error) {
        pending.reject(error);
        continue;
      }
      this.onCommit?.({ units: [pending.unit], queuedAt: [pending.queuedAt], committedAt: performance.now() });
      pending.resolve();
    }
  }

  private write(units: PersistUnit[]): Promise<void> {
    return this.db.$transaction(
      async (tx) => {
        const execute: Execute = (sql, args) => executeInOpenTransaction(this.db, sql, args);
        await insertRuns(
          execute,
          units.flatMap((unit) => (unit.newRun ? [unit.newRun] : [])),
        );
        for (const unit of units) await unit.before?.(tx);
        await insertEvents(execute, units.flatMap((unit) => unit.events));
        const runs = new Map<string, RunRowUpdate>();
        for (const unit of units) {
          if (unit.run) runs.set(unit.run.id, { ...runs.get(unit.run.id), ...unit.run.data });
        }
        await updateRuns(execute, runs);
        for (const unit of units) await unit.after?.(tx);
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  }
}

/**
 * Inserts the rows of runs that start in this batch, many per statement; a second run with the
 * same idempotency key fails the batch on the unique index (its unit is then retried alone).
 */
async function insertRuns(execute: Execute, runs: NewRunRow[]): Promise<void> {
  for (let start = 0; start < runs.length; start += ROWS_PER_STATEMENT) {
    const chunk = runs.slice(start, start + ROWS_PER_STATEMENT);
    const values = chunk.flatMap((run) => [...NEW_RUN_COLUMNS.map((column) => run[column]), run.createdAt]);
    await execute(
      `INSERT INTO "Run" (${quoted(NEW_RUN_COLUMNS)}, "updatedAt", "status", "snapshot") VALUES ${Array.from(
        { length: chunk.length },
        () => `(${Array(NEW_RUN_COLUMNS.length + 1).fill("?").join(", ")}, 'running', '{}')`,
      ).join(", ")}`,
      values,
    );
  }
}

/** Inserts ledger rows, many per statement. */
async function insertEvents(execute: Execute, events: LedgerRow[]): Promise<void> {
  for (let start = 0; start < events.length; start += ROWS_PER_STATEMENT) {
    const chunk = events.slice(start, start + ROWS_PER_STATEMENT);
    const values = chunk.flatMap((event) => EVENT_COLUMNS.map((column) => event[column]));
    await execute(`INSERT INTO "RunEvent" (${quoted(EVENT_COLUMNS)}) VALUES ${placeholders(EVENT_COLUMNS.length, chunk.length)}`, values);
  }
}

/** Updates run rows, many per statement; fails (rolling the batch back) if a run row does not exist. */
async function updateRuns(execute: Execute, runs: Map<string, RunRowUpdate>): Promise<void> {
  const entries = [...runs];
  const updatedAt = new Date();
  for (let start = 0; start < entries.length; start += ROWS_PER_STATEMENT) {
    const chunk = entries.slice(start, start + ROWS_PER_STATEMENT);
    const values = chunk.flatMap(([id, run]) => [
      id,
      run.snapshot ?? null,
      run.status,
      run.outcome,
      run.visits,
      run.lastSeq,
      run.lastHash,
      run.stepCount,
      run.error ?? null,
      run.finishedAt ?? null,
      updatedAt,
    ]);
    const updated = await execute(
      `WITH v(${quoted(RUN_COLUMNS)}) AS (VALUES ${placeholders(RUN_COLUMNS.length, chunk.length)})
       UPDATE "Run" SET "snapshot" = coalesce(v."snapshot", "Run"."snapshot"), "status" = v."status", "outcome" = v."outcome",
         "visits" = v."visits", "lastSeq" = v."lastSeq", "lastHash" = v."lastHash", "stepCount" = v."stepCount",
         "error" = coalesce(v."error", "Run"."error"), "finishedAt" = coalesce(v."finishedAt", "Run"."finishedAt"), "updatedAt" = v."updatedAt"
       FROM v WHERE "Run"."id" = v."id"`,
      values,
    );
    if (updated !== chunk.length) throw new Error(`Expected to update ${chunk.length} run rows, updated ${updated}.`);
  }
}
