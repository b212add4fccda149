import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { env } from "~/env";

type OidcProfile = { sub: string; email?: string; name?: string; preferred_username?: string };

/** The optional OIDC provider, present only when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. */
export const oidcProvider: OAuthConfig<OidcProfile> | undefined =
  env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
    ? {
        id: "oidc",
        name: env.OIDC_NAME,
        type: "oauth",
        wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
        authorization: { params: { scope: "openid email profile" } },
        idToken: true,
        checks: ["pkce", "state"],
        profile: (profile) => ({
          id: profile.sub,
          email: profile.email ?? null,
          name: profile.name ?? profile.preferred_username ?? profile.email ?? profile.sub,
        }),
      }
    : undefined;
