/** A run's status as a coloured badge, with its outcome when that says more (e.g. completed · rejected). */
export function RunStatusBadge({ status, outcome }: { status: string; outcome?: string | null }) {
  const extra = outcome && outcome !== status ? ` · ${outcome}` : "";
  return (
    <span className={`run-status run-status-${status}`} data-testid="run-status" data-status={status}>
      {status}
      {extra}
    </span>
  );
}
