import type { PrismaClient } from "~/server/db/client";
import type { Clock } from "~/server/runtime/clock";
import type { RunEventBus } from "~/server/runtime/run/run-events";
import { ledgerHash } from "./ledger-hash";

/** A row recorded for a run outside its machine (after it finished), e.g. a compensation. */
export interface ExternalRow {
  type: string;
  actor: string;
  payload: unknown;
}

/**
 * Appends a ledger row to a finished run: next `seq`, chained to the run's last hash, written
 * with the run's new last seq and hash in one transaction, then published to live subscribers.
 * Only for runs without a live executor (which owns the chain while the run is unfinished).
 */
export async function appendFinishedRunRow(
  deps: { db: PrismaClient; clock: Clock; bus: RunEventBus; sanitize: (value: unknown) => unknown },
  runId: string,
  row: ExternalRow,
): Promise<void> {
  const message = await deps.db.$transaction(async (tx) => {
    const run = await tx.run.findUniqueOrThrow({ where: { id: runId }, select: { lastSeq: true, lastHash: true, workflowId: true, status: true } });
    const fields = {
      runId,
      seq: run.lastSeq + 1,
      at: deps.clock.now(),
      actor: row.actor,
      type: row.type,
      fromNodes: "[]",
      toNodes: "[]",
      payload: JSON.stringify(deps.sanitize(row.payload)),
      rationale: null,
      prevHash: run.lastHash,
    };
    const hash = ledgerHash(fields);
    await tx.runEvent.create({ data: { ...fields, hash } });
    await tx.run.update({ where: { id: runId }, data: { lastSeq: fields.seq, lastHash: hash, stepCount: { increment: 1 } } });
    return { ...fields, hash, workflowId: run.workflowId, status: run.status };
  });
  deps.bus.publish({
    runId,
    workflowId: message.workflowId,
    seq: message.seq,
    at: message.at.toISOString(),
    actor: message.actor,
    type: message.type,
    fromNodes: [],
    toNodes: [],
    payload: JSON.parse(message.payload) as unknown,
    rationale: null,
    status: message.status,
  });
}
