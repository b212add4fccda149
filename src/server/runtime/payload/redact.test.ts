import { describe, expect, it } from "vitest";
import { REDACTED, redact } from "~/server/runtime/payload/redact";

describe("redact", () => {
  it("removes known secret values from nested strings, keys included", () => {
    const input = { a: { b: ["call with key s3cr3t-value now", { c: "s3cr3t-value" }] }, "s3cr3t-value": 1 };
    expect(redact(input, { secretValues: ["s3cr3t-value"] })).toEqual({
      a: { b: [`call with key ${REDACTED} now`, { c: REDACTED }] },
      [REDACTED]: 1,
    });
  });

  it("redacts values under sensitive keys, case-insensitively and as a suffix, but not token counters", () => {
    const input = {
      headers: { Authorization: "anything", "X-API-Key": "k", Cookie: "c", "set-cookie": ["a", "b"] },
      password: { nested: true },
      api_key: "x",
      apiKey: "y",
      clientSecret: "z",
      accessToken: "t",
      usage: { totalTokens: 12, promptTokens: 3 },
      secretName: "CRM_TOKEN",
    };
    expect(redact(input, { secretValues: [] })).toEqual({
      headers: { Authorization: REDACTED, "X-API-Key": REDACTED, Cookie: REDACTED, "set-cookie": REDACTED },
      password: REDACTED,
      api_key: REDACTED,
      apiKey: REDACTED,
      clientSecret: REDACTED,
      accessToken: REDACTED,
      usage: { totalTokens: 12, promptTokens: 3 },
      secretName: "CRM_TOKEN",
    });
  });

  it("redacts bearer tokens and sk- style keys in free text", () => {
    const text = "curl -H 'Authorization: Bearer abcdefgh.ijk' with sk-proj-ABCDEFGHIJKLMNOP1234 and ghp_abcdefghijklmnopqrstuvwxyz";
    expect(redact(text, { secretValues: [] })).toBe(
      `curl -H 'Authorization: Bearer ${REDACTED}' with ${REDACTED} and ${REDACTED}`,
    );
  });

  it("can be limited to known secret values", () => {
    const input = { token: "keep", note: "Bearer abcdefghijk and s3cr3t" };
    expect(redact(input, { secretValues: ["s3cr3t"], sensitiveKeys: false, tokenPatterns: false })).toEqual({
      token: "keep",
      note: `Bearer abcdefghijk and ${REDACTED}`,
    });
  });

  it("matches secret values literally and regardless of case", () => {
    expect(redact("host p4$$.w0rd(x).example and P4$$.W0RD(X)", { secretValues: ["p4$$.w0rd(x)"] })).toBe(
      `host ${REDACTED}.example and ${REDACTED}`,
    );
  });

  it("ignores secret values too short to search for", () => {
    expect(redact("a b c", { secretValues: ["a", ""] })).toBe("a b c");
  });

  it("copies deeply, marks cycles and leaves the input untouched", () => {
    const input: Record<string, unknown> = { list: [1, 2], when: new Date(0), error: new Error("boom s3cr3t") };
    input.self = input;
    const output = redact(input, { secretValues: ["s3cr3t"] }) as Record<string, unknown>;
    expect(output).toEqual({ list: [1, 2], when: new Date(0), error: { name: "Error", message: `boom ${REDACTED}` }, self: "[Circular]" });
    expect(output.list).not.toBe(input.list);
    expect(input.self).toBe(input);
  });

  it("keeps shared (non-cyclic) references and survives extreme depth", () => {
    const shared = { v: 1 };
    expect(redact({ a: shared, b: shared }, { secretValues: [] })).toEqual({ a: { v: 1 }, b: { v: 1 } });
    let deep: unknown = "bottom";
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(JSON.stringify(redact(deep, { secretValues: [] }))).toContain("[MaxDepth]");
  });
});
