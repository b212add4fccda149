"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/trpc/react";
import "../workflows.css";
import { compareHref } from "./compare-href";
import { RollbackDialog } from "./rollback-dialog";

type Props = {
  workflowId: string;
  /** The version these actions are for (the editor's and the versions page's version rows both fit). */
  version: { id: string; version: number };
  onRolledBack?: (published: { version: number; note: string }) => void;
};

/**
 * "Compare" and "Roll back" for one published version. Compare asks what to compare with (the
 * current draft or another version) and opens the diff on the versions page; Roll back confirms
 * first. The latest version has no rollback (the draft would just be reset to it).
 */
export function VersionActions({ workflowId, version, onRolledBack }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const versions = useQuery(trpc.workflow.versions.queryOptions({ workflowId }));
  const [open, setOpen] = useState<"compare" | "rollback" | null>(null);
  const others = (versions.data?.versions ?? []).filter((other) => other.id !== version.id);
  const isLatest = versions.data?.versions[0]?.id === version.id;

  function onCompare(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = String(new FormData(event.currentTarget).get("with") ?? "draft");
    const other = others.find((candidate) => candidate.id === target);
    // Older on the left: a comparison reads as "what changed since".
    const [from, to] = other && other.version < version.version ? [other.id, version.id] : [version.id, target];
    router.push(compareHref(workflowId, from, to));
  }

  return (
    <div className="version-actions">
      <button
        type="button"
        className="button small secondary"
        aria-expanded={open === "compare"}
        onClick={() => setOpen(open === "compare" ? null : "compare")}
      >
        Compare
      </button>
      {versions.data && !isLatest && (
        <button type="button" className="button small danger" onClick={() => setOpen("rollback")}>
          Roll back
        </button>
      )}
      {open === "compare" && (
        <form
          className="compare-popover"
          onSubmit={onCompare}
          onKeyDown={(event) => event.key === "Escape" && setOpen(null)}
          aria-label={`Compare v${version.version}`}
        >
          <label>
            Compare v{version.version} with
            <select name="with" defaultValue="draft">
              <option value="draft">the current draft</option>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  v{other.version}
                  {other.note ? ` — ${other.note}` : ""}
                </option>
              ))}
            </select>
          </label>
          <div className="row">
            <button type="button" className="button small secondary" onClick={() => setOpen(null)}>
              Cancel
            </button>
            <button type="submit" className="button small">
              Show changes
            </button>
          </div>
        </form>
      )}
      {open === "rollback" && (
        <RollbackDialog workflowId={workflowId} version={version} onClose={() => setOpen(null)} onRolledBack={onRolledBack} />
      )}
    </div>
  );
}
