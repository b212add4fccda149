import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { createTestDb, createTestUser, type TestDb } from "~/server/testing/test-db";
import { authenticateWithPassword } from "./authenticate";

const limits = { maxFailures: 3, windowMinutes: 15 };
let testDb: TestDb;

beforeAll(async () => {
  testDb = createTestDb();
  await createTestUser(testDb.db, "designer", { email: "dana@test.local", password: "right password" });
  await createTestUser(testDb.db, "approver", { email: "gone@test.local", password: "right password", active: false });
  await createTestUser(testDb.db, "admin", { email: "limited@test.local", password: "right password" });
});
afterAll(() => testDb.dispose());

const attempt = (email: string, password: string, ip = "10.0.0.1") =>
  authenticateWithPassword(testDb.db, limits, { email, password, ip });

describe("authenticateWithPassword", () => {
  it("returns the user for the right password, whatever the email's case", async () => {
    const user = await attempt("Dana@Test.local", "right password");
    expect(user).toMatchObject({ email: "dana@test.local", role: "designer" });
  });

  it("returns null alike for a wrong password, an unknown email and a deactivated account", async () => {
    expect(await attempt("dana@test.local", "wrong password", "10.0.0.2")).toBeNull();
    expect(await attempt("nobody@test.local", "right password", "10.0.0.3")).toBeNull();
    expect(await attempt("gone@test.local", "right password", "10.0.0.4")).toBeNull();
  });

  it("records every attempt with its outcome", async () => {
    const rows = await testDb.db.loginAttempt.findMany({ where: { email: "dana@test.local" } });
    expect(rows.map((row) => row.success).sort()).toEqual([false, true]);
  });

  it("refuses every attempt, even a right one, once an email has too many recent failures", async () => {
    for (let i = 0; i < limits.maxFailures; i++) expect(await attempt("limited@test.local", "nope", `10.1.0.${i}`)).toBeNull();
    const refused = attempt("limited@test.local", "right password", "10.1.0.99");
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("forgets failures older than the window", async () => {
    await testDb.db.loginAttempt.updateMany({
      where: { email: "limited@test.local" },
      data: { createdAt: new Date(Date.now() - 16 * 60_000) },
    });
    expect(await attempt("limited@test.local", "right password", "10.1.0.100")).toMatchObject({ role: "admin" });
  });
});
