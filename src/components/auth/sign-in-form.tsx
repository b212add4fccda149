"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { signInErrorMessage } from "./sign-in-messages";

type Props = {
  callbackUrl: string;
  sso: { id: string; name: string } | null;
  initialError: string | null;
};

export function SignInForm({ callbackUrl, sso, initialError }: Props) {
  const router = useRouter();
  const [error, setError] = useState(initialError ? signInErrorMessage(initialError) : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    setError(signInErrorMessage(result?.error ?? "unknown"));
  }

  return (
    <form className="panel" onSubmit={onSubmit} aria-label="Sign in">
      <h1>Sign in to Flowgate</h1>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      {sso && (
        <button className="button secondary" type="button" onClick={() => void signIn(sso.id, { callbackUrl })}>
          Sign in with {sso.name}
        </button>
      )}
    </form>
  );
}
