"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type MouseEvent } from "react";
import { formatAbsolute, formatRelative } from "../format-time";
import type { WorkflowListItem } from "../workflow-types";
import { RenameForm } from "./rename-form";
import { WorkflowStatus } from "./workflow-status";

type Props = {
  workflow: WorkflowListItem;
  busy: boolean;
  onDuplicate: () => void;
  onArchive: (archived: boolean) => void;
  onRenamed: () => void;
};

/** Clicks on controls inside the row must not also open the editor. */
const stop = (event: MouseEvent) => event.stopPropagation();

/** One workflow: name, status, last edit, recent runs; a click opens the editor. */
export function WorkflowRow({ workflow, busy, onDuplicate, onArchive, onRenamed }: Props) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const href = `/workflows/${workflow.id}`;

  return (
    <tr
      data-testid={`workflow-row-${workflow.name}`}
      className={workflow.archived ? "archived" : undefined}
      onClick={() => !renaming && router.push(href)}
    >
      <td className="wf-name">
        {renaming ? (
          <div onClick={stop}>
            <RenameForm
              workflowId={workflow.id}
              name={workflow.name}
              onDone={(renamed) => {
                setRenaming(false);
                if (renamed) onRenamed();
              }}
            />
          </div>
        ) : (
          <>
            <Link href={href} onClick={stop}>
              {workflow.name}
            </Link>
            {workflow.description && (
              <span className="description" title={workflow.description}>
                {workflow.description}
              </span>
            )}
          </>
        )}
      </td>
      <td>
        <WorkflowStatus workflow={workflow} />
      </td>
      <td className="wf-meta">
        <span title={formatAbsolute(workflow.updatedAt)}>{formatRelative(workflow.updatedAt)}</span>
        <span className="muted">{workflow.lastEditor ? `by ${workflow.lastEditor}` : "editor unknown"}</span>
      </td>
      <td className="wf-runs">{workflow.runsLast24h}</td>
      <td onClick={stop}>
        <div className="wf-actions">
          <button type="button" className="button small ghost" disabled={busy || renaming} onClick={() => setRenaming(true)}>
            Rename
          </button>
          <button type="button" className="button small ghost" disabled={busy} onClick={onDuplicate}>
            Duplicate
          </button>
          <Link className="button small ghost" href={`${href}/versions`}>
            Versions
          </Link>
          <button
            type="button"
            className={workflow.archived ? "button small secondary" : "button small ghost"}
            disabled={busy}
            onClick={() => onArchive(!workflow.archived)}
          >
            {workflow.archived ? "Unarchive" : "Archive"}
          </button>
        </div>
      </td>
    </tr>
  );
}
