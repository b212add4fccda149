"use client";

import "./runs.css";

import { useEffect } from "react";
import { useWorkflowActions, useWorkflowStore } from "~/components/designer/store/store-context";
import type { People } from "./people";
import { RunTraceHeader } from "./run-trace-header";
import { RunTraceSide } from "./run-trace-side";
import { useRunTrace } from "./use-run-trace";

const NO_OVERLAY = {};

type Props = {
  runId: string;
  people: People;
  canDecide: boolean;
  onExit: () => void;
};

/**
 * The editor's live trace mode: draws the run's path on the editor's own canvas (through the
 * designer store's overlay) and docks a panel with the run's status, timeline, pending approvals
 * and the details of the node selected on the canvas. Leaving the mode clears the overlay.
 */
export function EditorTracePanel({ runId, people, canDecide, onExit }: Props) {
  const trace = useRunTrace(runId);
  const actions = useWorkflowActions();
  const selected = useWorkflowStore((state) => (state.selection.nodeIds.length === 1 ? (state.selection.nodeIds[0] ?? null) : null));

  useEffect(() => {
    if (trace.overlay) actions.setOverlay(trace.overlay);
  }, [actions, trace.overlay]);
  useEffect(() => () => actions.setOverlay(NO_OVERLAY), [actions]);

  return (
    <section className="editor-trace" aria-label="Live trace" data-testid="editor-trace" data-run-id={runId} data-status={trace.run?.status}>
      {trace.error && (
        <p className="alert" role="alert">
          {trace.error.message}
        </p>
      )}
      {!trace.run ? (
        <p className="muted">Starting the trace…</p>
      ) : (
        <>
          <RunTraceHeader
            trace={trace}
            runHref={`/runs/${runId}`}
            actions={
              <button type="button" className="button secondary small" onClick={onExit}>
                Exit trace
              </button>
            }
          />
          <div className="editor-trace-scroll">
            <RunTraceSide
              trace={{ ...trace, run: trace.run }}
              people={people}
              canDecide={canDecide}
              selected={selected}
              onSelect={(nodeId) => actions.select(nodeId ? { nodeId } : null)}
            />
          </div>
        </>
      )}
    </section>
  );
}
