import { describe, expect, it } from "vitest";
import { createOidcProvider } from "./oidc-provider";

describe("OIDC provider", () => {
  it("is absent when the OIDC variables are not set", () => {
    expect(createOidcProvider({ OIDC_NAME: "SSO" })).toBeUndefined();
  });

  it("is configured from the issuer's discovery document when all three are set", () => {
    const provider = createOidcProvider({
      OIDC_ISSUER: "https://id.example.com/realms/ops/",
      OIDC_CLIENT_ID: "flowgate",
      OIDC_CLIENT_SECRET: "s3cret",
      OIDC_NAME: "Ops SSO",
    });
    expect(provider).toMatchObject({
      id: "oidc",
      name: "Ops SSO",
      wellKnown: "https://id.example.com/realms/ops/.well-known/openid-configuration",
      checks: ["pkce", "state"],
    });
    expect(provider?.profile({ sub: "u1", email: "a@b.c" }, {})).toMatchObject({ id: "u1", email: "a@b.c", name: "a@b.c" });
  });
});
