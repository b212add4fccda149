import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const secret = "x".repeat(40);

describe("environment", () => {
  it("needs no variables at all in embedded mode", () => {
    const env = parseEnv({ NEXTAUTH_SECRET: secret });
    expect(env).toMatchObject({ DATABASE_URL: "file:./data/flowgate.db", SEED_DEMO_DATA: true, LOGIN_MAX_FAILURES: 5 });
  });

  it("names a malformed variable", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: secret, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: secret, LOGIN_MAX_FAILURES: "many" })).toThrow(/LOGIN_MAX_FAILURES/);
  });

  it("names each missing OIDC variable when the OIDC set is incomplete", () => {
    const error = (() => {
      try {
        parseEnv({ NEXTAUTH_SECRET: secret, OIDC_ISSUER: "https://id.example.com" });
      } catch (caught) {
        return String(caught);
      }
    })();
    expect(error).toMatch(/OIDC_CLIENT_ID/);
    expect(error).toMatch(/OIDC_CLIENT_SECRET/);
  });
});
