import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/server/testing/test-db";
import { createOnce, isUniqueViolation } from "./create-once";

let testDb: TestDb;
beforeAll(() => {
  testDb = createTestDb();
});
afterAll(() => testDb.dispose());

const data = { idempotencyKey: "k1", runId: "run-1", ticketId: "T-1", team: "billing" };

describe("createOnce", () => {
  it("recognises the driver's unique-constraint error", async () => {
    await testDb.db.ticketAssignment.create({ data });
    const error: unknown = await testDb.db.ticketAssignment.create({ data }).catch((reason: unknown) => reason);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error("other"))).toBe(false);
  });

  it("returns the winner's record when its own insert loses the race", async () => {
    let lookups = 0;
    // The first lookup misses (the other attempt has not committed yet); the insert then conflicts.
    const find = () => (lookups++ === 0 ? Promise.resolve(null) : testDb.db.ticketAssignment.findUnique({ where: { idempotencyKey: "k1" } }));
    const row = await createOnce(find, () => testDb.db.ticketAssignment.create({ data }));
    expect(row.idempotencyKey).toBe("k1");
    expect(lookups).toBe(2);
    expect(await testDb.db.ticketAssignment.count()).toBe(1);
  });

  it("passes on errors that are not conflicts", async () => {
    await expect(createOnce(() => Promise.resolve(null), () => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
  });
});
