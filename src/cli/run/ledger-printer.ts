import type { PrismaClient } from "../../server/db/client";
import type { LedgerRow } from "../../server/runtime/ledger/ledger-hash";

/** A ledger row as `flowgate run` prints it: one JSON line, the JSON columns parsed. */
export function ledgerLine(row: Omit<LedgerRow, "runId" | "prevHash">): string {
  return JSON.stringify({
    seq: row.seq,
    at: row.at.toISOString(),
    actor: row.actor,
    type: row.type,
    fromNodes: JSON.parse(row.fromNodes) as unknown,
    toNodes: JSON.parse(row.toNodes) as unknown,
    payload: JSON.parse(row.payload) as unknown,
    rationale: row.rationale,
    hash: row.hash,
  });
}

/**
 * Prints a run's ledger rows in `seq` order, each once, as they commit: every `flush` reads the
 * rows after the last one printed. Flushes run one after another.
 */
export class LedgerPrinter {
  private printed = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: PrismaClient,
    private readonly write: (line: string) => void,
  ) {}

  /** Prints the committed rows not printed yet; resolves when they are written. */
  flush(runId: string): Promise<void> {
    const next = this.chain.then(async () => {
      const rows = await this.db.runEvent.findMany({ where: { runId, seq: { gt: this.printed } }, orderBy: { seq: "asc" } });
      for (const row of rows) {
        this.write(`${ledgerLine(row)}\n`);
        this.printed = row.seq;
      }
    });
    // A failed read is retried by the next flush; the final flush reports it.
    this.chain = next.catch(() => undefined);
    return next;
  }
}
