"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent, ReactNode } from "react";
import { useTRPC } from "~/trpc/react";
import { ROLES } from "~/server/auth/roles";

export function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.user.create.mutationOptions({ onSuccess: onCreated }));
  const fieldErrors: Partial<Record<string, string[]>> = create.error?.data?.zodError?.fieldErrors ?? {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? ""),
        role: String(form.get("role")) as (typeof ROLES)[number],
        password: String(form.get("password") ?? ""),
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <form className="panel" onSubmit={onSubmit} aria-label="Create user">
      <h2 style={{ marginTop: 0 }}>Create a user</h2>
      {create.error && !create.error.data?.zodError && (
        <p className="alert" role="alert">
          {create.error.message}
        </p>
      )}
      {create.isSuccess && (
        <p className="notice" role="status">
          Created {create.data.email}.
        </p>
      )}
      <div className="form-row">
        <Field label="Name" error={fieldErrors.name}>
          <input name="name" required maxLength={120} />
        </Field>
        <Field label="Email" error={fieldErrors.email}>
          <input name="email" type="email" required />
        </Field>
        <Field label="Role" error={fieldErrors.role}>
          <select name="role" defaultValue="designer">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Initial password" error={fieldErrors.password}>
          <input name="password" type="password" autoComplete="new-password" required />
        </Field>
        <button className="button" type="submit" disabled={create.isPending}>
          Create user
        </button>
      </div>
    </form>
  );
}

function Field({ label, error, children }: { label: string; error?: string[]; children: ReactNode }) {
  return (
    <label>
      {label}
      {children}
      {error?.map((message) => (
        <span key={message} className="field-error">
          {message}
        </span>
      ))}
    </label>
  );
}
