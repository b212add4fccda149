import type { RunContext } from "~/engine";

/** Where a run stands. `waiting` means it needs the outside world: a person, a timer or a signal. */
export type RunStatus = "running" | "waiting" | "completed" | "failed" | "cancelled";

export const UNFINISHED_STATUSES: readonly RunStatus[] = ["running", "waiting"];

type SnapshotView = { status: string; context: RunContext; children: Record<string, unknown> };

/** The status a snapshot implies: finished machines by their end outcome, others by whether a step is working. */
export function statusOf(snapshot: SnapshotView): { status: RunStatus; outcome: string | null } {
  if (snapshot.status === "done") {
    const outcome = snapshot.context.result?.outcome ?? "completed";
    return { status: outcome === "failed" ? "failed" : outcome === "cancelled" ? "cancelled" : "completed", outcome };
  }
  if (snapshot.status === "error") return { status: "failed", outcome: "failed" };
  return { status: Object.keys(snapshot.children).length > 0 ? "running" : "waiting", outcome: null };
}
