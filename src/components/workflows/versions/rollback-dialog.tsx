"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, type FormEvent } from "react";
import { useTRPC } from "~/trpc/react";

type Props = {
  workflowId: string;
  version: { id: string; version: number };
  onClose: () => void;
  onRolledBack?: (published: { version: number; note: string }) => void;
};

/** Confirms a rollback: says what will happen, takes an optional note, then publishes the new version. */
export function RollbackDialog({ workflowId, version, onClose, onRolledBack }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const rollback = useMutation(
    trpc.workflow.rollback.mutationOptions({
      onSuccess: async (published) => {
        await Promise.all(
          [trpc.workflow.versions, trpc.workflow.get, trpc.workflow.list, trpc.workflow.diff].map((procedure) =>
            queryClient.invalidateQueries({ queryKey: procedure.queryKey() }),
          ),
        );
        onRolledBack?.(published);
        onClose();
      },
    }),
  );

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get("note") ?? "");
    rollback.mutate({ workflowId, versionId: version.id, note });
  }

  return (
    <dialog ref={dialog} className="confirm" aria-labelledby="rollback-title" onClose={onClose}>
      <form onSubmit={onSubmit}>
        <h2 id="rollback-title">Roll back to v{version.version}?</h2>
        <p>
          This publishes a new version with the graph of v{version.version} and replaces the current draft with it. Earlier
          versions stay as they are; anyone editing the draft right now will be asked to reload.
        </p>
        <label>
          Note (optional)
          <input name="note" maxLength={400} placeholder="Why roll back?" />
        </label>
        {rollback.error && (
          <p className="alert" role="alert">
            {rollback.error.message}
          </p>
        )}
        <div className="row">
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button danger" disabled={rollback.isPending}>
            {rollback.isPending ? "Rolling back…" : `Roll back to v${version.version}`}
          </button>
        </div>
      </form>
    </dialog>
  );
}
