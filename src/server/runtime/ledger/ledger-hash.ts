import { createHash } from "node:crypto";

/** A ledger row as stored: the JSON columns are the exact strings written to the database. */
export interface LedgerRow {
  runId: string;
  seq: number;
  at: Date;
  actor: string;
  type: string;
  fromNodes: string;
  toNodes: string;
  payload: string;
  rationale: string | null;
  prevHash: string;
  hash: string;
}

/** The hash of the chain before the first row of every run. */
export const GENESIS_HASH = "";

/**
 * SHA-256 over the row's stored fields and the previous row's hash, so changing, removing or
 * reordering any row breaks every hash after it.
 */
export function ledgerHash(row: Omit<LedgerRow, "hash">): string {
  const fields = [
    row.prevHash,
    row.runId,
    String(row.seq),
    row.at.toISOString(),
    row.actor,
    row.type,
    row.fromNodes,
    row.toNodes,
    row.payload,
    row.rationale ?? "",
  ];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}
