"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTRPC } from "~/trpc/react";

type Props = { workflowId: string; name: string; onDone: (renamed: boolean) => void };

/** Inline rename of one workflow; Escape cancels. */
export function RenameForm({ workflowId, name, onDone }: Props) {
  const trpc = useTRPC();
  const rename = useMutation(trpc.workflow.rename.mutationOptions({ onSuccess: () => onDone(true) }));
  const fieldErrors: Partial<Record<string, string[]>> = rename.error?.data?.zodError?.fieldErrors ?? {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (next === name) onDone(false);
    else rename.mutate({ workflowId, name: next });
  }

  return (
    <form className="wf-rename" onSubmit={onSubmit} aria-label={`Rename ${name}`}>
      <input
        name="name"
        aria-label="New name"
        defaultValue={name}
        required
        maxLength={120}
        autoFocus
        onKeyDown={(event) => event.key === "Escape" && onDone(false)}
      />
      <button className="button small" type="submit" disabled={rename.isPending}>
        Save
      </button>
      <button className="button small secondary" type="button" onClick={() => onDone(false)}>
        Cancel
      </button>
      {rename.error && (
        <span className="field-error" role="alert">
          {fieldErrors.name?.[0] ?? rename.error.message}
        </span>
      )}
    </form>
  );
}
