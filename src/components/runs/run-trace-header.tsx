"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { formatDateTime, formatDuration } from "./format";
import { RunStatusBadge } from "./run-status-badge";
import type { RunTrace } from "./use-run-trace";

const CONNECTION_WORDS = { connecting: "Connecting…", pending: "Live", error: "Disconnected", idle: "" } as const;

type Props = {
  trace: RunTrace;
  /** Links the title to the run page (from the editor's live panel). */
  runHref?: string;
  /** Extra controls at the end (e.g. "Exit trace"). */
  actions?: ReactNode;
};

/** What a run is and where it stands: workflow and version, timing, status, shadow, and whether it is followed live. */
export function RunTraceHeader({ trace, runHref, actions }: Props) {
  const { run } = trace;
  if (!run) return null;
  const title = `${run.workflow.name} · ${run.version ? `version ${run.version.version}` : "draft"}`;
  const connection = CONNECTION_WORDS[trace.connection];
  const steps = trace.events.at(-1)?.seq ?? 0;
  return (
    <header className="run-trace-head">
      <div className="run-trace-title">
        <h2>{runHref ? <Link href={runHref}>{title}</Link> : title}</h2>
        <p className="run-note">
          Started {formatDateTime(run.createdAt)}
          {run.finishedAt && ` · took ${formatDuration(run.finishedAt.getTime() - run.createdAt.getTime())}`} · {steps} step
          {steps === 1 ? "" : "s"}
        </p>
        {run.error && <p className="field-error">{run.error}</p>}
      </div>
      <div className="run-trace-badges">
        {run.shadow && <span className="badge shadow-badge">shadow</span>}
        <RunStatusBadge status={run.status} outcome={run.outcome} />
        {connection && (
          <span className={`run-live run-live-${trace.connection}`} data-testid="run-connection">
            {connection}
          </span>
        )}
        {trace.connection === "error" && (
          <button type="button" className="button secondary small" onClick={trace.reconnect}>
            Reconnect
          </button>
        )}
        {actions}
      </div>
    </header>
  );
}
