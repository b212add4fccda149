"use client";

interface ConflictBannerProps {
  message: string | null;
  busy: boolean;
  onReload: () => void;
  onFork: () => void;
}

/** Shown when someone else saved the workflow first: the local changes are kept until the designer chooses. */
export function ConflictBanner({ message, busy, onReload, onFork }: ConflictBannerProps) {
  return (
    <div className="wf-banner" role="alert" data-testid="conflict-banner">
      <div>
        <strong>Someone else saved this workflow while you were editing it.</strong>
        <p>
          Your latest changes are not saved. Reload to discard them and continue from the saved draft, or fork them into a new
          workflow.
        </p>
        {message && <p className="wf-hint">{message}</p>}
      </div>
      <div className="wf-banner-actions">
        <button type="button" className="button" disabled={busy} onClick={onReload}>
          Reload
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={onFork}>
          Fork
        </button>
      </div>
    </div>
  );
}
