"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { EmptyState } from "~/components/ui/empty-state";
import { useTRPC } from "~/trpc/react";
import "../workflows.css";
import { CreateWorkflowForm } from "./create-workflow-form";
import { WorkflowRow } from "./workflow-row";

/** The designer's workflows: create, search, rename, duplicate, archive; a row opens the editor. */
export function WorkflowsList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [includeArchived, setIncludeArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const query = useDeferredValue(search.trim());
  const workflows = useQuery({
    ...trpc.workflow.list.queryOptions({ search: query || undefined, includeArchived }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.workflow.list.queryKey() });
  const duplicate = useMutation(trpc.workflow.duplicate.mutationOptions({ onSuccess: refresh }));
  const archive = useMutation(trpc.workflow.archive.mutationOptions({ onSuccess: refresh }));
  const error = workflows.error ?? duplicate.error ?? archive.error;
  const rows = workflows.data ?? [];
  const filtered = query !== "" || includeArchived;

  return (
    <>
      <header className="page-header">
        <div>
          <h1>Workflows</h1>
          <p>Draw, publish and version the workflows your agents and people run.</p>
        </div>
        {!creating && (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            New workflow
          </button>
        )}
      </header>
      {creating && <CreateWorkflowForm onCancel={() => setCreating(false)} />}
      {error && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}
      {duplicate.isSuccess && (
        <p className="notice" role="status">
          Created {duplicate.data.name}.
        </p>
      )}
      <div className="wf-toolbar">
        <input
          type="search"
          aria-label="Search workflows"
          placeholder="Search by name"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={includeArchived} onChange={(event) => setIncludeArchived(event.target.checked)} />
          Show archived
        </label>
        {workflows.data && (
          <span className="count">
            {rows.length} workflow{rows.length === 1 ? "" : "s"}
          </span>
        )}
      </div>
      {workflows.isPending ? (
        <p className="muted">Loading workflows…</p>
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No workflows match">
            <p>Nothing matches “{query}”{includeArchived ? "" : " among active workflows; archived ones are hidden"}.</p>
          </EmptyState>
        ) : (
          <EmptyState title="No workflows yet">
            <p>Create one to start drawing it on the canvas.</p>
          </EmptyState>
        )
      ) : (
        <table className="data wf-table" aria-label="Workflows">
          <thead>
            <tr>
              <th>Name</th>
              <th>Status</th>
              <th>Last edited</th>
              <th title="Runs started in the last 24 hours">Runs 24 h</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {rows.map((workflow) => (
              <WorkflowRow
                key={workflow.id}
                workflow={workflow}
                busy={duplicate.isPending || archive.isPending}
                onDuplicate={() => duplicate.mutate({ workflowId: workflow.id })}
                onArchive={(archived) => archive.mutate({ workflowId: workflow.id, archived })}
                onRenamed={refresh}
              />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
