import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Env } from "~/env";

type OidcProfile = { sub: string; email?: string; name?: string; preferred_username?: string };

type OidcSettings = Pick<Env, "OIDC_ISSUER" | "OIDC_CLIENT_ID" | "OIDC_CLIENT_SECRET" | "OIDC_NAME">;

/**
 * The optional OIDC provider: present only when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET
 * are all set (the environment check refuses a partial set), absent otherwise.
 */
export function createOidcProvider(settings: OidcSettings): OAuthConfig<OidcProfile> | undefined {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = settings;
  if (!issuer || !clientId || !clientSecret) return undefined;
  return {
    id: "oidc",
    name: settings.OIDC_NAME,
    type: "oauth",
    wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({
      id: profile.sub,
      email: profile.email ?? null,
      name: profile.name ?? profile.preferred_username ?? profile.email ?? profile.sub,
    }),
  };
}
