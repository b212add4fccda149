"use client";

import { useState } from "react";
import { createPortal } from "react-dom";
import { EditorTracePanel } from "./editor-trace-panel";
import type { People } from "./people";
import { RunDialog } from "./run-dialog";

type Props = {
  workflowId: string;
  /** Names of users by id, for the trace. */
  people: People;
  /** Whether the signed-in user may decide approvals (approvers and admins). */
  canDecide: boolean;
};

/**
 * The editor's "Run" control (for the editor's `toolbarExtras`): opens the run dialog, and once
 * a run has started switches the editor into live trace mode for it.
 */
export function RunButton({ workflowId, people, canDecide }: Props) {
  const [dialogOpen, setDialogOpen] = useState(false);
  const [runId, setRunId] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="button secondary" onClick={() => setDialogOpen(true)}>
        <span aria-hidden="true">▶</span> Run
      </button>
      {dialogOpen && (
        <RunDialog
          workflowId={workflowId}
          onClose={() => setDialogOpen(false)}
          onStarted={(started) => {
            setDialogOpen(false);
            setRunId(started);
          }}
        />
      )}
      {/* A portal keeps the docked panel out of the toolbar's layout; React context still reaches it. */}
      {runId && createPortal(<EditorTracePanel key={runId} runId={runId} people={people} canDecide={canDecide} onExit={() => setRunId(null)} />, document.body)}
    </>
  );
}
