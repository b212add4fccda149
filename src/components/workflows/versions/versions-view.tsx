"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { EmptyState } from "~/components/ui/empty-state";
import { useTRPC } from "~/trpc/react";
import { formatAbsolute, formatRelative } from "../format-time";
import "../workflows.css";
import { CompareBar } from "./compare-bar";
import type { CompareTarget } from "./compare-href";
import { DiffView } from "./diff-view";
import { VersionActions } from "./version-actions";

type Props = { workflowId: string; from?: string; to?: CompareTarget };

/** A workflow's published versions: who published each and why, comparisons and rollback. */
export function VersionsView({ workflowId, from, to }: Props) {
  const trpc = useTRPC();
  const workflow = useQuery(trpc.workflow.versions.queryOptions({ workflowId }));
  const [rolledBack, setRolledBack] = useState<{ version: number; note: string } | null>(null);

  if (workflow.error) {
    return (
      <p className="alert" role="alert">
        {workflow.error.message}
      </p>
    );
  }
  if (!workflow.data) return <p className="muted">Loading versions…</p>;
  const { name, versions, archived } = workflow.data;

  return (
    <div className="versions-layout">
      <header className="page-header">
        <div>
          <nav className="breadcrumb" aria-label="Breadcrumb">
            <Link href="/workflows">Workflows</Link> / <Link href={`/workflows/${workflowId}`}>{name}</Link>
          </nav>
          <h1>Versions</h1>
          <p>Every published version is immutable; runs stay pinned to the version they started with.</p>
        </div>
        <Link className="button secondary" href={`/workflows/${workflowId}`}>
          Open editor
        </Link>
      </header>
      {archived && <p className="notice">This workflow is archived; unarchive it from the list to roll back.</p>}
      {rolledBack && (
        <p className="notice" role="status">
          Published v{rolledBack.version} ({rolledBack.note}). The draft now has the same graph.
        </p>
      )}
      {versions.length === 0 ? (
        <EmptyState title="Nothing published yet">
          <p>Publish the draft from the editor to create version 1; versions can then be compared and rolled back.</p>
        </EmptyState>
      ) : (
        <>
          <CompareBar workflowId={workflowId} versions={versions} from={from} to={to} />
          {from && <DiffView from={from} to={to ?? "draft"} />}
          <table className="data" aria-label="Versions">
            <thead>
              <tr>
                <th>Version</th>
                <th>Note</th>
                <th>Published by</th>
                <th>When</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {versions.map((version, index) => (
                <tr key={version.id} data-testid={`version-row-${version.version}`}>
                  <td>
                    <span className="version-number">v{version.version}</span>{" "}
                    {index === 0 && <span className="badge ok">latest</span>}
                  </td>
                  <td className="version-note">{version.note || <span className="muted">No note</span>}</td>
                  <td>{version.author ?? <span className="muted">Unknown</span>}</td>
                  <td title={formatAbsolute(version.createdAt)}>{formatRelative(version.createdAt)}</td>
                  <td>
                    <VersionActions workflowId={workflowId} version={version} onRolledBack={setRolledBack} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
