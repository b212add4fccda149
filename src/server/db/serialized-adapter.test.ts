import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/server/testing/test-db";

let testDb: TestDb;
beforeAll(() => {
  testDb = createTestDb();
});
afterAll(() => testDb.dispose());

it("keeps a write made outside a transaction out of a transaction that is open at the time", async () => {
  const { db } = testDb;
  let outside: Promise<unknown> | undefined;
  await expect(
    db.$transaction(async (tx) => {
      await tx.purchaseOrder.create({ data: { poNumber: "IN-TX", vendor: "v", amount: 1 } });
      // Issued while the transaction is open; it must not become part of it.
      outside = db.purchaseOrder.create({ data: { poNumber: "OUTSIDE", vendor: "v", amount: 1 } }).then((row) => row);
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error("roll back");
    }),
  ).rejects.toThrow("roll back");
  await outside;
  const numbers = (await db.purchaseOrder.findMany()).map((order) => order.poNumber);
  expect(numbers).toEqual(["OUTSIDE"]);
});
