import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/server/auth/password";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { createTestDb, createTestUser, type TestDb } from "~/server/testing/test-db";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";
import { loadActiveUser } from "./load-active-user";
import { setUserActive, setUserRole } from "./update-user";

let testDb: TestDb;
let admin: AuthenticatedUser;

beforeAll(async () => {
  testDb = createTestDb();
  admin = await createTestUser(testDb.db, "admin");
});
afterAll(() => testDb.dispose());

describe("user administration", () => {
  it("creates a user with a hashed password and an audit entry, never returning the hash", async () => {
    const user = await createUser(testDb.db, admin, {
      email: "new.person@test.local",
      name: "New Person",
      role: "approver",
      password: "a long enough password",
    });
    expect(user).not.toHaveProperty("passwordHash");
    const stored = await testDb.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).not.toContain("a long enough password");
    expect(await verifyPassword("a long enough password", stored.passwordHash ?? "")).toBe(true);
    const audit = await testDb.db.auditLog.findFirstOrThrow({ where: { entityId: user.id } });
    expect(audit).toMatchObject({ action: "user.created", actorId: admin.id });
  });

  it("refuses a second user with the same email as a CONFLICT", async () => {
    const again = createUser(testDb.db, admin, {
      email: "new.person@test.local",
      name: "Twin",
      role: "designer",
      password: "another long password",
    });
    await expect(again).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await listUsers(testDb.db)).filter((u) => u.email === "new.person@test.local")).toHaveLength(1);
  });

  it("changes a role and records before and after", async () => {
    const user = await createTestUser(testDb.db, "designer");
    expect(await setUserRole(testDb.db, admin, { userId: user.id, role: "approver" })).toMatchObject({ role: "approver" });
    expect((await loadActiveUser(testDb.db, user.id))?.role).toBe("approver");
    const audit = await testDb.db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "user.role_changed" } });
    expect(JSON.parse(audit.data)).toEqual({ before: { role: "designer", active: true }, after: { role: "approver" } });
  });

  it("deactivates a user, who then no longer counts as signed in, and reactivates them", async () => {
    const user = await createTestUser(testDb.db, "approver");
    await setUserActive(testDb.db, admin, { userId: user.id, active: false });
    expect(await loadActiveUser(testDb.db, user.id)).toBeNull();
    await setUserActive(testDb.db, admin, { userId: user.id, active: true });
    expect(await loadActiveUser(testDb.db, user.id)).toMatchObject({ id: user.id });
  });

  it("never leaves the system without an active admin, and an admin cannot deactivate themselves", async () => {
    await expect(setUserActive(testDb.db, admin, { userId: admin.id, active: false })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(setUserRole(testDb.db, admin, { userId: admin.id, role: "designer" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const second = await createTestUser(testDb.db, "admin");
    await setUserRole(testDb.db, admin, { userId: second.id, role: "designer" });
    expect((await loadActiveUser(testDb.db, admin.id))?.role).toBe("admin");
  });

  it("reports an unknown user id as NOT_FOUND", async () => {
    await expect(setUserRole(testDb.db, admin, { userId: "no-such-user", role: "admin" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
