import { durationToMs } from "../graph/common";
import { evaluateExpression } from "../expressions/evaluate";
import { scopeOf } from "./scope";
import type { RunContext, StateMeta } from "./types";

/** The part of an XState snapshot these helpers read. */
export interface SnapshotLike {
  context: RunContext;
  getMeta(): Record<string, unknown>;
}

function metasOf(snapshot: SnapshotLike): StateMeta[] {
  return Object.values(snapshot.getMeta()).filter((meta): meta is StateMeta => typeof (meta as StateMeta | undefined)?.nodeId === "string");
}

/**
 * Ids of the graph nodes whose states are active: what the live canvas highlights.
 *
 * @example activeNodeIds(actor.getSnapshot()) // ["review"]
 */
export function activeNodeIds(snapshot: SnapshotLike): string[] {
  return [...new Set(metasOf(snapshot).map((meta) => meta.nodeId))];
}

/** A timer the runtime must have armed for the current snapshot. */
export interface PendingTimer {
  timerId: string;
  nodeId: string;
  /** Delay from state entry, when the timer is a duration. */
  delayMs?: number;
  /** Absolute due time (ISO 8601), when the timer is "until" an evaluated time. */
  at?: string;
}

/**
 * Timers of the active states. The runtime arms each one not yet armed (keyed by `timerId`),
 * cancels armed timers no longer listed, and sends `TIMER.FIRED` with the id when one is due.
 */
export function pendingTimers(snapshot: SnapshotLike): PendingTimer[] {
  return metasOf(snapshot).flatMap((meta) =>
    (meta.timers ?? []).map((timer) => {
      if (timer.delay !== undefined) return { timerId: timer.id, nodeId: meta.nodeId, delayMs: durationToMs(timer.delay) };
      let at: string | undefined;
      try {
        const value = evaluateExpression(timer.at ?? "", scopeOf(snapshot.context));
        at = typeof value === "string" && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;
      } catch {
        at = undefined;
      }
      return { timerId: timer.id, nodeId: meta.nodeId, ...(at ? { at } : {}) };
    }),
  );
}
