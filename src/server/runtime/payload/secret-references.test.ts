import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { substituteSecrets } from "~/server/runtime/payload/secret-references";

describe("substituteSecrets", () => {
  it("fills references in nested strings and leaves other values alone", () => {
    const input = { url: "https://x/{{secret.A}}", list: ["{{ secret.B }}-{{secret.A}}", 3, null], flag: true };
    expect(substituteSecrets(input, { A: "aa", B: "bb" })).toEqual({ url: "https://x/aa", list: ["bb-aa", 3, null], flag: true });
  });

  it("names an unknown secret without revealing any value", () => {
    const attempt = () => substituteSecrets("{{secret.MISSING}}", { OTHER: "v4lue" });
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow('Unknown secret "MISSING"');
    expect(() => substituteSecrets("{{secret.toString}}", {})).toThrow('Unknown secret "toString"');
  });
});
