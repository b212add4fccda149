import type { inferRouterOutputs } from "@trpc/server";
import type { Graph } from "~/engine";
import type { AppRouter } from "~/server/api/root";
import { UNFINISHED_STATUSES } from "~/server/runtime/run/run-status";

type RunOutputs = inferRouterOutputs<AppRouter>["run"];

/** A run with its full trace, as `run.get` returns it. */
export type RunDetail = RunOutputs["get"];

/** One row of the run list. */
export type RunListItem = RunOutputs["list"][number];

/** A ledger row as both `run.get` and the live `run.events` stream carry it. */
export interface LedgerRow {
  seq: number;
  at: Date;
  actor: string;
  type: string;
  fromNodes: string[];
  toNodes: string[];
  payload: unknown;
  rationale: string | null;
}

/** Whether a run can still change (it is running or waiting for the outside world). */
export function isUnfinished(status: string): boolean {
  return (UNFINISHED_STATUSES as readonly string[]).includes(status);
}

/** The graph a run executes (validated by the runtime when the run started). */
export function runGraph(run: Pick<RunDetail, "graph">): Graph {
  return run.graph as Graph;
}
