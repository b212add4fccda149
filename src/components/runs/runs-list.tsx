"use client";

import "./runs.css";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { RUN_STATUSES } from "~/server/services/runs/run-schemas";
import { useTRPC } from "~/trpc/react";
import { formatDateTime, formatDuration } from "./format";
import { RunDialog } from "./run-dialog";
import { RunStatusBadge } from "./run-status-badge";
import { isUnfinished, type RunListItem } from "./run-types";

type Filters = { workflowId: string; status: string; from: string; to: string };

const NO_FILTERS: Filters = { workflowId: "", status: "", from: "", to: "" };
const DAY_MS = 24 * 60 * 60 * 1000;
/** While some listed run is unfinished, the list is read again this often. */
const LIVE_REFRESH_MS = 3000;

/** A date input's value as the start (or, with `endOfDay`, the end) of that local day. */
function dayBound(value: string, endOfDay: boolean): Date | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  return endOfDay ? new Date(date.getTime() + DAY_MS - 1) : date;
}

function Finished({ run }: { run: RunListItem }) {
  if (!run.finishedAt) return <span className="muted">—</span>;
  return (
    <>
      {formatDateTime(run.finishedAt)}
      <span className="run-note"> · {formatDuration(run.finishedAt.getTime() - run.createdAt.getTime())}</span>
    </>
  );
}

/**
 * Every run, newest first, filtered by workflow, status and start date; a row opens the run's
 * trace. Designers can start a run from here too.
 */
export function RunsList({ canStart }: { canStart: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [starting, setStarting] = useState(false);
  const runs = useQuery({
    ...trpc.run.list.queryOptions({
      workflowId: filters.workflowId || undefined,
      status: (filters.status || undefined) as (typeof RUN_STATUSES)[number] | undefined,
      from: dayBound(filters.from, false),
      to: dayBound(filters.to, true),
      limit: 100,
    }),
    refetchInterval: (query) => (query.state.data?.some((run) => isUnfinished(run.status)) ? LIVE_REFRESH_MS : false),
  });
  // Only designers may list workflows; others pick from the workflows of the runs they see.
  const workflows = useQuery({ ...trpc.workflow.list.queryOptions(), enabled: canStart });
  const workflowOptions = canStart
    ? (workflows.data ?? []).map((workflow) => ({ id: workflow.id, name: workflow.name }))
    : [...new Map((runs.data ?? []).map((run) => [run.workflow.id, run.workflow])).values()];
  const set = (patch: Partial<Filters>) => setFilters((current) => ({ ...current, ...patch }));
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <section className="runs-list">
      <div className="runs-toolbar">
        <form className="form-row runs-filters" aria-label="Filter runs" onSubmit={(event) => event.preventDefault()}>
          <label>
            Workflow
            <select value={filters.workflowId} onChange={(event) => set({ workflowId: event.target.value })}>
              <option value="">All workflows</option>
              {workflowOptions.map((workflow) => (
                <option key={workflow.id} value={workflow.id}>
                  {workflow.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Status
            <select value={filters.status} onChange={(event) => set({ status: event.target.value })}>
              <option value="">Any status</option>
              {RUN_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {status}
                </option>
              ))}
            </select>
          </label>
          <label>
            Started from
            <input type="date" value={filters.from} onChange={(event) => set({ from: event.target.value })} />
          </label>
          <label>
            to
            <input type="date" value={filters.to} onChange={(event) => set({ to: event.target.value })} />
          </label>
          {filtered && (
            <button type="button" className="button secondary" onClick={() => setFilters(NO_FILTERS)}>
              Clear
            </button>
          )}
        </form>
        {canStart && (
          <button type="button" className="button" onClick={() => setStarting(true)}>
            Start a run
          </button>
        )}
      </div>
      {starting && <RunDialog onClose={() => setStarting(false)} onStarted={(runId) => router.push(`/runs/${runId}`)} />}

      {runs.error && (
        <p className="alert" role="alert">
          {runs.error.message}
        </p>
      )}
      {runs.isPending ? (
        <p className="muted">Loading runs…</p>
      ) : runs.data && runs.data.length === 0 ? (
        <div className="empty panel">
          <strong>{filtered ? "No runs match these filters" : "No runs yet"}</strong>
          <p>{filtered ? "Try another workflow, status or date." : "Runs appear here as soon as a workflow is started."}</p>
        </div>
      ) : (
        <table className="data runs-table" aria-label="Runs">
          <thead>
            <tr>
              <th>Workflow</th>
              <th>Version</th>
              <th>Status</th>
              <th>Started</th>
              <th>Finished</th>
              <th className="numeric">Steps</th>
            </tr>
          </thead>
          <tbody>
            {runs.data?.map((run) => (
              <tr key={run.id} data-testid="run-row" data-run-id={run.id} onClick={() => router.push(`/runs/${run.id}`)}>
                <td>
                  <Link href={`/runs/${run.id}`} onClick={(event) => event.stopPropagation()}>
                    {run.workflow.name}
                  </Link>
                  {run.shadow && <span className="badge shadow-badge">shadow</span>}
                </td>
                <td>{run.version ? `v${run.version.version}` : <span className="muted">draft</span>}</td>
                <td>
                  <RunStatusBadge status={run.status} outcome={run.outcome} />
                </td>
                <td>{formatDateTime(run.createdAt)}</td>
                <td>
                  <Finished run={run} />
                </td>
                <td className="numeric">{run.stepCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
