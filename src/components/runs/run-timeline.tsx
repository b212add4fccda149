"use client";

import { actorLabel, describeRow, movementOf, type NameOf, type NodeLookup } from "./describe-event";
import { formatTime } from "./format";
import type { LedgerRow } from "./run-types";
import { stepEndOf } from "./trace";

type Props = {
  events: readonly LedgerRow[];
  nodes: NodeLookup;
  nameOf: NameOf;
  /** Rows after this seq are shown as not yet happened (the scrubber's position). */
  uptoSeq?: number;
  /** Called with the row's main node (the step it ended, else where it went) and its seq. */
  onSelect?: (nodeId: string | undefined, seq: number) => void;
};

/** The ledger of a run as a timeline: time, what happened in plain words, who, and from → to. */
export function RunTimeline({ events, nodes, nameOf, uptoSeq, onSelect }: Props) {
  if (events.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="run-timeline" aria-label="Timeline">
      {events.map((row) => {
        const future = uptoSeq !== undefined && row.seq > uptoSeq;
        const nodeId = stepEndOf(row)?.nodeId ?? row.toNodes[0];
        return (
          <li key={row.seq} data-seq={row.seq} data-testid="timeline-row" className={future ? "future" : row.seq === uptoSeq ? "current" : undefined}>
            <button type="button" onClick={() => onSelect?.(nodeId, row.seq)}>
              <span className="run-timeline-time">
                <span className="run-timeline-seq">#{row.seq}</span>
                <time dateTime={row.at.toISOString()}>{formatTime(row.at)}</time>
              </span>
              <span className="run-timeline-title">{describeRow(row, nodes, nameOf)}</span>
              <span className="run-timeline-meta">
                {actorLabel(row.actor, nameOf)} · {movementOf(row, nodes)}
              </span>
              {row.rationale && <span className="run-timeline-rationale">{row.rationale}</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
