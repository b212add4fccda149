"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useTRPC } from "~/trpc/react";

/** Name and optional description; on success the new workflow opens in the editor. */
export function CreateWorkflowForm({ onCancel }: { onCancel: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(
    trpc.workflow.create.mutationOptions({ onSuccess: (workflow) => router.push(`/workflows/${workflow.id}`) }),
  );
  const fieldErrors: Partial<Record<string, string[]>> = create.error?.data?.zodError?.fieldErrors ?? {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") });
  }

  return (
    <form className="panel wf-create" onSubmit={onSubmit} aria-label="Create workflow">
      <h2>New workflow</h2>
      {create.error && !create.error.data?.zodError && (
        <p className="alert" role="alert">
          {create.error.message}
        </p>
      )}
      <div className="form-row">
        <label>
          Name
          <input name="name" required maxLength={120} autoFocus placeholder="e.g. Refund approval" />
          {fieldErrors.name?.map((message) => (
            <span key={message} className="field-error">
              {message}
            </span>
          ))}
        </label>
        <label>
          Description (optional)
          <input name="description" maxLength={2000} placeholder="What it does and who it serves" />
        </label>
        <button className="button" type="submit" disabled={create.isPending || create.isSuccess}>
          {create.isPending || create.isSuccess ? "Creating…" : "Create and open"}
        </button>
        <button className="button secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
