"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { isUnfinished, runGraph, type LedgerRow } from "./run-types";
import { mergeRows, overlayOf, traceAt } from "./trace";

/** How long live rows may pile up before the run (status, approvals, step outputs) is read again. */
const REFRESH_DELAY_MS = 150;

/**
 * A run's trace, live: loads `run.get`, then follows `run.events` from the last seq it holds.
 *
 * @remarks Rows from the load, the stream and later reloads are merged by seq (no duplicates, in
 * order). The SSE link resends the last tracked id when it reconnects on its own; `reconnect`
 * starts a fresh stream from the last seq held. Each live row triggers a (debounced) reload of
 * the run, which brings status, approvals, tool and model calls up to date. The stream closes
 * once the run has finished.
 * @example const { events, trace, overlay, status } = useRunTrace(runId);
 */
export function useRunTrace(runId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const run = useQuery(trpc.run.get.queryOptions({ runId }));
  const [live, setLive] = useState<LedgerRow[]>([]);
  // The stream's starting point: fixed once the run is loaded, moved only by `reconnect` (a new
  // input would otherwise restart the stream at every row).
  const [from, setFrom] = useState<string | null>(null);
  if (from === null && run.data) setFrom(String(run.data.lastSeq));

  // New live rows: read the run again (status, approvals, calls) once they stop arriving for a moment.
  useEffect(() => {
    if (live.length === 0) return;
    const timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: trpc.run.get.queryKey({ runId }) }), REFRESH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [live, queryClient, trpc, runId]);

  const status = run.data?.status;
  const following = status !== undefined && isUnfinished(status);
  const subscription = useSubscription(
    trpc.run.events.subscriptionOptions(from === null ? skipToken : { runId, lastEventId: from }, {
      enabled: following && from !== null,
      onData: ({ data }) => setLive((rows) => mergeRows(rows, [data])),
    }),
  );

  const events = useMemo(() => mergeRows(run.data?.events ?? [], live), [run.data?.events, live]);
  const graph = useMemo(() => (run.data ? runGraph(run.data) : null), [run.data]);
  const steps = (run.data?.context as { steps?: Record<string, { outcome?: string }> } | null)?.steps;
  const trace = useMemo(() => (graph ? traceAt(graph, events, { finalSteps: steps }) : null), [graph, events, steps]);
  const overlay = useMemo(() => (trace ? overlayOf(trace) : null), [trace]);

  const lastSeq = events.at(-1)?.seq ?? 0;
  const reconnect = useCallback(() => {
    const latest = String(lastSeq);
    if (latest === from) subscription.reset();
    else setFrom(latest);
  }, [lastSeq, from, subscription]);

  return {
    run: run.data,
    error: run.error,
    isPending: run.isPending,
    graph,
    events,
    trace,
    overlay,
    status,
    /** Whether the stream is open: `connecting`, `pending` (live), `error`, or `idle` when not following. */
    connection: following ? subscription.status : ("idle" as const),
    connectionError: subscription.error,
    reconnect,
  };
}

export type RunTrace = ReturnType<typeof useRunTrace>;
