"use client";

import { useMemo } from "react";
import type { NodeLookup } from "./describe-event";
import { PendingApprovals } from "./pending-approvals";
import { nameOfPeople, type People } from "./people";
import { RunTimeline } from "./run-timeline";
import type { RunDetail } from "./run-types";
import { StepDetails } from "./step-details";
import type { RunTrace } from "./use-run-trace";

type Props = {
  trace: RunTrace & { run: RunDetail };
  /** Names of users by id. */
  people: People;
  /** Show the decision control for pending approvals (approvers and admins). */
  canDecide: boolean;
  /** The node whose step details are open. */
  selected: string | null;
  onSelect: (nodeId: string | null) => void;
  /** The scrubber's position: later timeline rows are shown as not yet happened. */
  uptoSeq?: number;
  /** A timeline row was clicked. */
  onRowClick?: (seq: number) => void;
};

/** The side of a trace: pending approvals, the clicked step's details, and the timeline. */
export function RunTraceSide({ trace, people, canDecide, selected, onSelect, uptoSeq, onRowClick }: Props) {
  const nameOf = useMemo(() => nameOfPeople(people), [people]);
  const { run, graph } = trace;
  const nodes: NodeLookup = useMemo(
    () => new Map((graph?.nodes ?? []).map((node) => [node.id, { label: node.label || node.id, type: node.type }])),
    [graph],
  );
  return (
    <>
      {canDecide && <PendingApprovals run={run} />}
      {selected && <StepDetails run={run} nodeId={selected} nameOf={nameOf} onClose={() => onSelect(null)} />}
      <section className="run-panel-section">
        <h3>Timeline</h3>
        <RunTimeline
          events={trace.events}
          nodes={nodes}
          nameOf={nameOf}
          uptoSeq={uptoSeq}
          onSelect={(nodeId, seq) => {
            if (nodeId) onSelect(nodeId);
            onRowClick?.(seq);
          }}
        />
      </section>
    </>
  );
}
