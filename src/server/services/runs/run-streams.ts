import { tracked } from "@trpc/server";
import type { PrismaClient } from "~/server/db/client";
import type { RunEventBus } from "~/server/runtime/run/run-events";
import { Doorbell } from "./doorbell";

const PAGE = 500;

type EventRow = Awaited<ReturnType<PrismaClient["runEvent"]["findMany"]>>[number];

function messageOf(row: EventRow) {
  return {
    id: row.id,
    runId: row.runId,
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    type: row.type,
    fromNodes: JSON.parse(row.fromNodes) as string[],
    toNodes: JSON.parse(row.toNodes) as string[],
    payload: JSON.parse(row.payload) as unknown,
    rationale: row.rationale,
  };
}

export type RunStreamEvent = ReturnType<typeof messageOf>;

/**
 * Streams a run's ledger: everything after `lastEventId` (a `seq`) from the database, then each
 * new row as it commits. The bus only rings the bell; rows are always read from the ledger, so a
 * reconnecting client gets no gap and no duplicate. Subscribing happens before the first read, so
 * nothing falls between backlog and live rows.
 */
export async function* streamRun(db: PrismaClient, bus: RunEventBus, runId: string, lastEventId: string | null | undefined, signal?: AbortSignal) {
  const bell = new Doorbell();
  const unsubscribe = bus.subscribe({ runId }, () => bell.ring());
  let cursor = Number(lastEventId ?? 0) || 0;
  try {
    while (!signal?.aborted) {
      const rows = await db.runEvent.findMany({ where: { runId, seq: { gt: cursor } }, orderBy: { seq: "asc" }, take: PAGE });
      for (const row of rows) {
        cursor = row.seq;
        yield tracked(String(row.seq), messageOf(row));
      }
      if (rows.length < PAGE) await bell.wait(signal);
    }
  } finally {
    unsubscribe();
  }
}

/** Streams the ledger rows of every run of a workflow, by their global row id (the tracked id). */
export async function* streamWorkflow(
  db: PrismaClient,
  bus: RunEventBus,
  workflowId: string,
  lastEventId: string | null | undefined,
  signal?: AbortSignal,
) {
  const bell = new Doorbell();
  const unsubscribe = bus.subscribe({ workflowId }, () => bell.ring());
  let cursor = Number(lastEventId ?? 0) || 0;
  if (lastEventId === undefined || lastEventId === null) {
    // A new subscriber starts from now: the workflow's history is what run pages are for.
    cursor = (await db.runEvent.findFirst({ where: { run: { workflowId } }, orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0;
  }
  try {
    while (!signal?.aborted) {
      const rows = await db.runEvent.findMany({ where: { id: { gt: cursor }, run: { workflowId } }, orderBy: { id: "asc" }, take: PAGE });
      for (const row of rows) {
        cursor = row.id;
        yield tracked(String(row.id), messageOf(row));
      }
      if (rows.length < PAGE) await bell.wait(signal);
    }
  } finally {
    unsubscribe();
  }
}
