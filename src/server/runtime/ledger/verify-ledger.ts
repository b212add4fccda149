import { GENESIS_HASH, ledgerHash, type LedgerRow } from "./ledger-hash";

export type LedgerVerdict =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; seq: number; problem: string };

/**
 * Checks a run's ledger, rows in `seq` order: sequence numbers contiguous from 1, every row
 * linked to the previous hash, and every hash matching the row's content.
 */
export function verifyLedger(rows: readonly LedgerRow[]): LedgerVerdict {
  let prevHash = GENESIS_HASH;
  for (const [index, row] of rows.entries()) {
    const expectedSeq = index + 1;
    const fail = (problem: string): LedgerVerdict => ({ ok: false, rows: rows.length, seq: row.seq, problem });
    if (row.seq !== expectedSeq) return fail(`expected seq ${expectedSeq}, found ${row.seq}: rows are missing or out of order`);
    if (row.prevHash !== prevHash) return fail(`row ${row.seq} does not link to the hash of row ${row.seq - 1}`);
    if (ledgerHash(row) !== row.hash) return fail(`row ${row.seq} was changed after it was written: its hash does not match`);
    prevHash = row.hash;
  }
  return { ok: true, rows: rows.length, lastHash: prevHash };
}
