import { describe, expect, it } from "vitest";
import { boundPayload } from "~/server/runtime/payload/bound-payload";

describe("boundPayload", () => {
  it("returns small payloads as plain JSON data with their size", () => {
    const result = boundPayload({ a: 1, skip: undefined, when: new Date(0) }, 1024);
    expect(result).toEqual({ value: { a: 1, when: "1970-01-01T00:00:00.000Z" }, truncated: false, bytes: 41 });
  });

  it("replaces a payload over the limit with a preview", () => {
    const big = { text: "x".repeat(10_000) };
    const result = boundPayload(big, 1000);
    expect(result.truncated).toBe(true);
    expect(result.bytes).toBe(JSON.stringify(big).length);
    expect(result.value).toEqual({ truncated: true, bytes: result.bytes, preview: JSON.stringify(big).slice(0, 500) });
  });

  it("counts UTF-8 bytes, not characters", () => {
    expect(boundPayload("é".repeat(10), 21).truncated).toBe(true);
    expect(boundPayload("é".repeat(10), 22).truncated).toBe(false);
  });

  it("never throws on BigInt or cycles", () => {
    const input: Record<string, unknown> = { n: 10n };
    input.self = input;
    expect(boundPayload(input, 1000).value).toEqual({ n: "10", self: "[Circular]" });
  });
});
