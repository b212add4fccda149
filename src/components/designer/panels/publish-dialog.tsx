"use client";

import { useState } from "react";
import { validateGraph } from "~/engine";
import { useCanvasFocus } from "../canvas/use-canvas-focus";
import { useWorkflowStoreApi } from "../store/store-context";
import { Modal } from "./modal";

interface PublishDialogProps {
  onClose: () => void;
  /** Saves the draft and publishes it with the note; rejects with the server's message. */
  onPublish: (note: string) => Promise<void>;
}

/** Asks for a version note and publishes; an invalid draft shows its problems instead. */
export function PublishDialog({ onClose, onPublish }: PublishDialogProps) {
  const store = useWorkflowStoreApi();
  const focus = useCanvasFocus();
  const [result] = useState(() => validateGraph(store.getState().history.present));
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!result.ok) {
    const errors = result.problems.filter((problem) => problem.severity === "error");
    return (
      <Modal title="This draft cannot be published yet" onClose={onClose}>
        <p>
          Fix {errors.length} problem{errors.length === 1 ? "" : "s"} first:
        </p>
        <ul className="wf-dialog-problems">
          {errors.slice(0, 20).map((problem, index) => (
            <li key={index}>
              <button
                type="button"
                className="wf-link"
                disabled={!problem.nodeId && !problem.edgeId}
                onClick={() => {
                  focus(problem.nodeId ? { nodeId: problem.nodeId } : { edgeId: problem.edgeId ?? "" });
                  onClose();
                }}
              >
                {problem.message}
              </button>
            </li>
          ))}
        </ul>
        <div className="wf-modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Back to the canvas
          </button>
        </div>
      </Modal>
    );
  }

  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      await onPublish(note.trim());
      onClose();
    } catch (publishError) {
      setError(publishError instanceof Error ? publishError.message : String(publishError));
      setPending(false);
    }
  };

  return (
    <Modal title="Publish a new version" onClose={onClose}>
      <form
        className="wf-publish-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="wf-hint">Runs started from now on use the new version; running ones keep theirs.</p>
        <label htmlFor="wf-version-note">Version note</label>
        <textarea
          id="wf-version-note"
          rows={3}
          maxLength={500}
          value={note}
          autoFocus
          placeholder="What changed, and why"
          onChange={(event) => setNote(event.target.value)}
        />
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div className="wf-modal-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={pending}>
            {pending ? "Publishing…" : "Publish"}
          </button>
        </div>
      </form>
    </Modal>
  );
}
