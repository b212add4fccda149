import type { Graph } from "../../engine";
import type { PrismaClient } from "../../server/db/client";
import type { Prisma } from "../../server/db/generated/client";
import { AppError } from "../../server/errors";
import type { VirtualClock } from "../../server/runtime/clock";
import type { Runtime } from "../../server/runtime/runtime";
import type { ScriptedEvent } from "./events-file";

type Tx = Prisma.TransactionClient;

/** Who the ledger names for events the CLI sends (the person is in the event's `by`). */
export const CLI_ACTOR = "cli";

/** Longest a run may keep working (steps, model calls, retries) before the CLI stops waiting. */
const SETTLE_TIMEOUT_MS = 10 * 60_000;

/** With the system clock, how long the CLI waits in real time for a run's timers before giving up on an event. */
export const REAL_TIMER_WAIT_MS = 60_000;

/** One run the CLI drives. */
export interface RunSession {
  runtime: Runtime;
  db: PrismaClient;
  runId: string;
  graph: Graph;
  /** Set with `--clock virtual`. */
  virtualClock: VirtualClock | undefined;
}

export type RunRow = { status: string; outcome: string | null; stepCount: number; lastSeq: number; nodes: string[] };

/** The run as stored now. */
export async function currentRun(session: RunSession): Promise<RunRow> {
  const run = await session.db.run.findUniqueOrThrow({
    where: { id: session.runId },
    select: { status: true, outcome: true, stepCount: true, lastSeq: true },
  });
  const last = await session.db.runEvent.findFirst({ where: { runId: session.runId }, orderBy: { seq: "desc" }, select: { toNodes: true } });
  return { ...run, nodes: last ? (JSON.parse(last.toNodes) as string[]) : [] };
}

/** Whether a run status is final (completed, failed, cancelled). */
export const isFinished = (status: string) => status !== "running" && status !== "waiting";

/**
 * Fires this run's timers that are due by the runtime's clock, one at a time (a transition may
 * cancel the next). Unlike `Runtime.fireDueTimers` it leaves other runs in the database alone.
 *
 * @returns how many fired.
 */
async function fireDueTimers(session: RunSession): Promise<number> {
  const { db, runtime, runId } = session;
  let fired = 0;
  for (;;) {
    const timer = await db.timer.findFirst({
      where: { runId, status: "pending", dueAt: { lte: runtime.clock.now() } },
      orderBy: { dueAt: "asc" },
    });
    if (!timer) return fired;
    const markFired = async (tx: Tx) => {
      await tx.timer.updateMany({ where: { id: timer.id, status: "pending" }, data: { status: "fired", firedAt: runtime.clock.now() } });
    };
    try {
      await runtime.send(runId, { type: "TIMER.FIRED", timerId: timer.timerId }, "system:timer", [markFired]);
    } catch (error) {
      if (error instanceof AppError && error.code === "CONFLICT") return fired; // the run has finished
      throw error;
    }
    fired += 1;
  }
}

/** Waits until the run has nothing in progress, firing timers that fall due on the way. */
export async function settle(session: RunSession): Promise<void> {
  for (;;) {
    await session.runtime.settled(session.runId, SETTLE_TIMEOUT_MS);
    if ((await fireDueTimers(session)) === 0) return;
  }
}

/** A human request (approval or escalation tier) the run waits for at `nodeId`. */
function pendingRequest(session: RunSession, where: { kind: "approval" | "escalation"; nodeId: string; tier?: string }) {
  return session.db.approval.findFirst({
    where: { runId: session.runId, status: "pending", ...where },
    include: { decisions: true },
    orderBy: { createdAt: "desc" },
  });
}

/** Where the run waits, and for whom, in words: `it waits at "support" (answer at tier "l1")`. */
async function waitsAt(session: RunSession, run: RunRow): Promise<string> {
  if (run.nodes.length === 0) return "it is at no node";
  const requests = await session.db.approval.findMany({ where: { runId: session.runId, status: "pending" }, orderBy: { createdAt: "asc" } });
  const asks = requests.map((request) => (request.kind === "approval" ? `approval at "${request.nodeId}"` : `answer at tier "${request.tier}" of "${request.nodeId}"`));
  return `it waits at ${run.nodes.map((node) => `"${node}"`).join(", ")}${asks.length > 0 ? `, for: ${asks.join(", ")}` : ""}`;
}

type Prepared = { message: { type: string; [key: string]: unknown }; effects: ((tx: Tx) => Promise<void>)[] } | { problem: string; notYet: boolean };

/**
 * Checks that the run waits for `event` now and builds what to send. `notYet` marks problems
 * that a timer firing could still resolve (the run is not at that node yet).
 */
async function prepare(session: RunSession, event: Exclude<ScriptedEvent, { kind: "advance" }>): Promise<Prepared> {
  const { db, runId } = session;
  const run = await currentRun(session);
  if (event.kind === "approval") {
    const request = await pendingRequest(session, { kind: "approval", nodeId: event.nodeId });
    if (!request) return { problem: `the run does not wait for an approval at "${event.nodeId}" (${await waitsAt(session, run)})`, notYet: true };
    if (request.decisions.some((decision) => decision.userId === event.by)) {
      return { problem: `"${event.by}" has already decided the approval at "${event.nodeId}"`, notYet: false };
    }
    if (event.decision === "approve") {
      // Four eyes, as in the app: whoever approved one step of a run cannot approve another.
      const earlier = await db.approvalDecision.count({
        where: { userId: event.by, decision: "approve", approval: { runId, nodeId: { not: event.nodeId } } },
      });
      if (earlier > 0) return { problem: `"${event.by}" approved another step of this run; a different person must approve "${event.nodeId}"`, notYet: false };
    }
    return {
      message: { type: "APPROVAL.DECIDED", nodeId: event.nodeId, decision: event.decision, by: event.by, comment: event.comment },
      effects: [recordDecision(request.id, event.by, { decision: event.decision, comment: event.comment })],
    };
  }
  if (event.kind === "escalation") {
    const request = await pendingRequest(session, { kind: "escalation", nodeId: event.nodeId, tier: event.tier });
    if (!request) {
      return { problem: `the run does not wait for an answer at tier "${event.tier}" of "${event.nodeId}" (${await waitsAt(session, run)})`, notYet: true };
    }
    if (request.decisions.some((decision) => decision.userId === event.by)) return { problem: `"${event.by}" has already answered this tier`, notYet: false };
    return {
      message: {
        type: "ESCALATION.RESULT",
        nodeId: event.nodeId,
        tier: event.tier,
        resolved: event.resolved,
        ...(event.text !== undefined ? { text: event.text, output: { answer: event.text } } : {}),
        ...(event.confidence !== undefined ? { confidence: event.confidence } : {}),
        by: event.by,
      },
      effects: [
        recordDecision(request.id, event.by, {
          decision: event.resolved ? "resolved" : "escalate",
          comment: event.text,
          data: { confidence: event.confidence ?? null },
        }),
      ],
    };
  }
  // The machine would take any SIGNAL (an unmatched one is a ledger row that changes nothing), so check first.
  const waiting = session.graph.nodes.some(
    (node) => run.nodes.includes(node.id) && node.type === "wait" && node.config.mode === "signal" && node.config.signal === event.name,
  );
  if (!waiting) return { problem: `the run does not wait for the signal "${event.name}" (${await waitsAt(session, run)})`, notYet: true };
  return { message: { type: "SIGNAL", name: event.name, ...("payload" in event ? { payload: event.payload } : {}) }, effects: [] };
}

/** With the system clock: sleeps until the run's next timer if it is due by `deadline`, fires it and settles. */
async function awaitNextTimer(session: RunSession, deadline: number): Promise<boolean> {
  const next = await session.db.timer.findFirst({ where: { runId: session.runId, status: "pending" }, orderBy: { dueAt: "asc" } });
  if (!next || next.dueAt.getTime() > deadline) return false;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, next.dueAt.getTime() - Date.now()) + 10));
  await settle(session);
  return true;
}

/**
 * Applies one scripted event to the waiting run and waits for the run to settle again. With the
 * system clock, an event the run does not wait for yet waits for timers due within
 * {@link REAL_TIMER_WAIT_MS} first (a short `wait` node before an approval, say).
 *
 * @returns a message saying why the event does not apply, or undefined when it was applied.
 */
export async function applyEvent(session: RunSession, event: ScriptedEvent): Promise<string | undefined> {
  if (event.kind === "advance") {
    if (!session.virtualClock) return `"advance" needs --clock virtual`;
    session.virtualClock.advance(event.ms);
    await settle(session);
    return undefined;
  }
  const deadline = Date.now() + REAL_TIMER_WAIT_MS;
  let prepared = await prepare(session, event);
  while ("problem" in prepared && prepared.notYet && !session.virtualClock && (await currentRun(session)).status === "waiting" && (await awaitNextTimer(session, deadline))) {
    prepared = await prepare(session, event);
  }
  if ("problem" in prepared) return prepared.problem;
  try {
    await session.runtime.send(session.runId, prepared.message, CLI_ACTOR, prepared.effects);
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") return `the run has finished`;
    throw error;
  }
  await settle(session);
  return undefined;
}

/**
 * With the system clock, once the events are used up: while the run waits and its next timer is
 * due within {@link REAL_TIMER_WAIT_MS}, waits for it in real time.
 */
export async function waitForNearTimers(session: RunSession): Promise<void> {
  const deadline = Date.now() + REAL_TIMER_WAIT_MS;
  while ((await currentRun(session)).status === "waiting" && (await awaitNextTimer(session, deadline)));
}

/** Stores a person's decision with the transition it causes, as the approval services do. */
function recordDecision(approvalId: string, by: string, record: { decision: string; comment?: string; data?: Record<string, unknown> }) {
  return async (tx: Tx) => {
    await tx.approvalDecision.create({
      data: { approvalId, userId: by, decision: record.decision, comment: record.comment ?? null, data: JSON.stringify(record.data ?? {}) },
    });
  };
}

