import type { PrismaClient } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";

type Tx = Prisma.TransactionClient;

/** Everything one transition writes; all of it commits together or not at all. */
export interface PersistUnit {
  /** Runs first, e.g. creating the run row of a new run. */
  before?: (tx: Tx) => Promise<void>;
  /** Ledger rows. */
  events: Prisma.RunEventCreateManyInput[];
  /** The run row's new state (snapshot, last seq and hash, status…). */
  run?: { id: string; data: Prisma.RunUpdateInput };
  /** Runs last: approvals, timers, anything else that belongs with this transition. */
  after?: (tx: Tx) => Promise<void>;
}

type Pending = { unit: PersistUnit; resolve: () => void; reject: (error: unknown) => void };

/**
 * Group commit: units queued while a transaction is open are written together in the next one,
 * so many runs share the cost of a commit. Each caller's promise resolves only once its unit is
 * durable. Order is kept: units commit in the order they were queued.
 *
 * @remarks When a batch fails, its units are retried one by one, so one bad unit fails alone.
 * Run updates of one batch are merged per run (the last snapshot wins), which is what makes
 * batching cheap: a run that moved five times in a batch writes its row once.
 */
export class CommitQueue {
  private queue: Pending[] = [];
  private draining = false;

  constructor(
    private readonly db: PrismaClient,
    private readonly maxBatch = 1000,
  ) {}

  commit(unit: PersistUnit): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ unit, resolve, reject });
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
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await this.write(batch.map((pending) => pending.unit));
          for (const pending of batch) pending.resolve();
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          else await this.writeOneByOne(batch);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async writeOneByOne(batch: Pending[]): Promise<void> {
    for (const pending of batch) {
      try {
        await this.write([pending.unit]);
        pending.resolve();
      } catch (error) {
        pending.reject(error);
      }
    }
  }

  private write(units: PersistUnit[]): Promise<void> {
    return this.db.$transaction(
      async (tx) => {
        for (const unit of units) await unit.before?.(tx);
        const events = units.flatMap((unit) => unit.events);
        if (events.length > 0) await tx.runEvent.createMany({ data: events });
        const runs = new Map<string, Prisma.RunUpdateInput>();
        for (const unit of units) {
          if (unit.run) runs.set(unit.run.id, { ...runs.get(unit.run.id), ...unit.run.data });
        }
        for (const [id, data] of runs) await tx.run.update({ where: { id }, data });
        for (const unit of units) await unit.after?.(tx);
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  }
}
