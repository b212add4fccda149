import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { canonicalJson } from "~/server/runtime/payload/canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every level, independent of insertion order", () => {
    const a = { b: { y: 1, x: [{ q: 1, p: 2 }] }, a: "s" };
    const b = { a: "s", b: { x: [{ p: 2, q: 1 }], y: 1 } };
    expect(canonicalJson(a)).toBe('{"a":"s","b":{"x":[{"p":2,"q":1}],"y":1}}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it("normalises non-JSON values", () => {
    const value = { u: undefined, f: () => 1, nan: NaN, inf: -Infinity, d: new Date(0), big: 2n ** 70n, list: [undefined, NaN] };
    expect(canonicalJson(value)).toBe(
      '{"big":"1180591620717411303424","d":"1970-01-01T00:00:00.000Z","inf":null,"list":[null,null],"nan":null}',
    );
    expect(canonicalJson(undefined)).toBe("null");
  });

  it("refuses cycles with a typed error", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(AppError);
  });
});
