import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("s3cret passphrase");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("s3cret passphrase", hash)).toBe(true);
    expect(await verifyPassword("s3cret passphrasE", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("never matches a malformed stored hash", async () => {
    for (const stored of ["", "plain", "scrypt$1$2$3", "bcrypt$a$b$c$d$e"]) {
      expect(await verifyPassword("anything", stored)).toBe(false);
    }
  });
});
