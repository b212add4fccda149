"use client";

import "./runs.css";

import { useMemo, useState } from "react";
import { WorkflowCanvas } from "~/components/designer/canvas/workflow-canvas";
import type { People } from "./people";
import { RunScrubber } from "./run-scrubber";
import { RunTraceHeader } from "./run-trace-header";
import { RunTraceSide } from "./run-trace-side";
import { isUnfinished } from "./run-types";
import { overlayOf, traceAt } from "./trace";
import { useRunTrace } from "./use-run-trace";

type Props = {
  runId: string;
  /** Names of users by id. */
  people: People;
  /** Show the decision control for pending approvals (approvers and admins). */
  canDecide: boolean;
};

/**
 * A run's trace page: the read-only canvas with the run's path drawn over it (live while the run
 * goes), the timeline, the details of a clicked step, pending approvals, and, once the run has
 * finished, a scrubber that replays it step by step.
 */
export function RunTraceView({ runId, people, canDecide }: Props) {
  const trace = useRunTrace(runId);
  const [selected, setSelected] = useState<string | null>(null);
  const [replaySeq, setReplaySeq] = useState<number | null>(null);
  const { run, graph, events } = trace;
  const finished = run !== undefined && !isUnfinished(run.status);
  const lastSeq = events.at(-1)?.seq ?? 0;
  const position = finished && replaySeq !== null ? Math.min(replaySeq, lastSeq) : null;
  const overlay = useMemo(() => {
    if (!graph || position === null) return trace.overlay ?? undefined;
    return overlayOf(traceAt(graph, events, { uptoSeq: position }));
  }, [graph, events, position, trace.overlay]);

  if (trace.error) {
    return (
      <p className="alert" role="alert">
        {trace.error.message}
      </p>
    );
  }
  if (!run) return <p className="muted">Loading the run…</p>;

  return (
    <div className="run-view" data-testid="run-view" data-run-id={run.id} data-status={run.status}>
      <RunTraceHeader trace={trace} />
      <div className="run-view-body">
        <div className="run-view-canvas">
          <WorkflowCanvas graph={run.graph} readOnly overlay={overlay} onNodeClick={setSelected} />
          {finished && lastSeq > 0 && <RunScrubber last={lastSeq} value={position ?? lastSeq} onChange={setReplaySeq} />}
        </div>
        <aside className="run-view-side" aria-label="Run details">
          <RunTraceSide
            trace={{ ...trace, run }}
            people={people}
            canDecide={canDecide}
            selected={selected}
            onSelect={setSelected}
            uptoSeq={position ?? undefined}
            onRowClick={(seq) => finished && setReplaySeq(seq)}
          />
        </aside>
      </div>
    </div>
  );
}
