import type { WorkflowListItem } from "../workflow-types";

/** Draft only, or the published version, and whether the draft has changes not yet published. */
export function WorkflowStatus({ workflow }: { workflow: WorkflowListItem }) {
  return (
    <div className="wf-status">
      {workflow.archived && <span className="badge off">archived</span>}
      {workflow.publishedVersion === null ? (
        <span className="badge off">draft only</span>
      ) : (
        <span className="badge ok">published v{workflow.publishedVersion}</span>
      )}
      {workflow.hasUnpublishedChanges && (
        <span className="badge warn" title="The draft differs from the latest published version">
          draft has unpublished changes
        </span>
      )}
    </div>
  );
}
