"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { WorkflowCanvas } from "~/components/designer/canvas/workflow-canvas";
import { hasChanges, type GraphDiff } from "~/engine/diff/diff-graphs";
import { unionGraph } from "~/engine/diff/union-graph";
import { useTRPC } from "~/trpc/react";
import type { VersionDiff } from "../workflow-types";
import { DiffChangeList } from "./diff-change-list";
import { diffOverlay } from "./diff-overlay";
import type { CompareTarget } from "./compare-href";

type Props = { from: string; to: CompareTarget };

function sideName(side: VersionDiff["to"]): string {
  return side.kind === "draft" ? "the current draft" : `v${side.version}`;
}

function Summary({ diff }: { diff: GraphDiff }) {
  const counts: [string, number][] = [
    ["added", diff.nodes.added.length + diff.edges.added.length],
    ["removed", diff.nodes.removed.length + diff.edges.removed.length],
    ["changed", diff.nodes.changed.length + diff.edges.changed.length + (diff.document.length > 0 ? 1 : 0)],
    ["moved", diff.nodes.moved.length],
  ];
  return (
    <div className="diff-summary" aria-label="Summary of changes">
      {counts
        .filter(([, count]) => count > 0)
        .map(([mark, count]) => (
          <span key={mark} className={`mark ${mark}`}>
            {count} {mark}
          </span>
        ))}
    </div>
  );
}

/** Scrolls the change list to a node clicked on the canvas. */
function revealChange(nodeId: string) {
  document.getElementById(`change-node-${nodeId}`)?.scrollIntoView({ behavior: "smooth", block: "nearest" });
}

/**
 * Two versions (or a version and the draft) side by side in one picture: the canvas draws the
 * newer graph plus what was removed, marked added / removed / changed; beside it every change is
 * listed with its config fields, before → after.
 */
export function DiffView({ from, to }: Props) {
  const trpc = useTRPC();
  const input = to === "draft" ? { fromVersionId: from, toDraft: true as const } : { fromVersionId: from, toVersionId: to };
  const result = useQuery(trpc.workflow.diff.queryOptions(input));
  const data = result.data;
  const canvas = useMemo(() => data && { graph: unionGraph(data.after, data.diff), overlay: diffOverlay(data.diff) }, [data]);

  if (result.error) {
    return (
      <p className="alert" role="alert">
        {result.error.message}
      </p>
    );
  }
  if (!data || !canvas) return <p className="muted">Comparing…</p>;

  return (
    <section className="panel" aria-label="Comparison">
      <div className="diff-header">
        <h2>
          v{data.from.version} → {sideName(data.to)}
        </h2>
        <Summary diff={data.diff} />
      </div>
      {hasChanges(data.diff) ? (
        <div className="diff-body">
          <div className="diff-canvas">
            <WorkflowCanvas graph={canvas.graph} overlay={canvas.overlay} readOnly onNodeClick={revealChange} />
          </div>
          <DiffChangeList diff={data.diff} before={data.before} after={data.after} />
        </div>
      ) : (
        <p className="no-changes">
          No differences: {sideName(data.to)} has the same graph as v{data.from.version}.
        </p>
      )}
    </section>
  );
}
