"use client";

import type { ReactNode } from "react";

/** A published version as the versions list shows it. */
export interface WorkflowVersionSummary {
  id: string;
  version: number;
  note: string;
  createdAt: Date | string;
  createdById: string | null;
}

interface VersionsPanelProps {
  versions: readonly WorkflowVersionSummary[];
  /** Display names by user id. */
  authors: Readonly<Record<string, string>>;
  /** Extra actions per version (compare, roll back), rendered by whoever owns them. */
  renderVersionActions?: (version: WorkflowVersionSummary) => ReactNode;
}

const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The published versions, newest first: number, author, time, note, and the actions passed in. */
export function VersionsPanel({ versions, authors, renderVersionActions }: VersionsPanelProps) {
  if (versions.length === 0) {
    return (
      <section className="wf-inspector-body wf-inspector-empty" aria-label="Versions">
        <p>No published versions yet.</p>
        <p className="wf-hint">Publish the draft to create version 1; runs use published versions.</p>
      </section>
    );
  }
  return (
    <section className="wf-inspector-body" aria-label="Versions">
      <ol className="wf-versions">
        {versions.map((version) => (
          <li key={version.id} className="wf-version" data-testid={`version-${version.version}`}>
            <div className="wf-version-head">
              <strong>v{version.version}</strong>
              <time dateTime={new Date(version.createdAt).toISOString()}>{TIME_FORMAT.format(new Date(version.createdAt))}</time>
            </div>
            <div className="wf-hint">{(version.createdById && authors[version.createdById]) ?? "Unknown author"}</div>
            {version.note ? <p className="wf-version-note">{version.note}</p> : <p className="wf-hint">No note</p>}
            {renderVersionActions && <div className="wf-version-actions">{renderVersionActions(version)}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
