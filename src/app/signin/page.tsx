import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "~/components/auth/sign-in-form";
import { getCurrentUser } from "~/server/auth/current-user";
import { oidcProvider } from "~/server/auth/options";

export const metadata: Metadata = { title: "Sign in" };

/** Only same-site paths are followed after sign-in, so the page cannot be used as an open redirect. */
function safeCallback(value: string | string[] | undefined): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <main className="signin">
      <SignInForm
        callbackUrl={callbackUrl}
        sso={oidcProvider ? { id: oidcProvider.id, name: oidcProvider.name } : null}
        initialError={typeof params.error === "string" ? params.error : null}
      />
    </main>
  );
}
