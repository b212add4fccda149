import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedExampleData } from "~/server/db/seed-examples";
import { AppError } from "~/server/errors";
import { createTestDb, createTestUser, type TestDb } from "~/server/testing/test-db";
import { callConnector, connectorTestContext } from "./connector-test-context";
import { purchaseOrderLookupConnector } from "./purchase-order-lookup";
import { transformConnector } from "./transform";

let testDb: TestDb;
beforeAll(async () => {
  testDb = createTestDb();
  await seedExampleData(testDb.db, { createdById: (await createTestUser(testDb.db, "admin")).id });
});
afterAll(() => testDb.dispose());

describe("purchaseOrder.lookup", () => {
  it("returns a seeded purchase order with its lines", async () => {
    const output = await callConnector(purchaseOrderLookupConnector, { poNumber: "PO-1001" }, connectorTestContext(testDb.db));
    expect(output).toMatchObject({ poNumber: "PO-1001", vendor: "Acme Tools", amount: 9800, currency: "EUR" });
    const lines = (output as { lines: { quantity: number; unitPrice: number }[] }).lines;
    expect(lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0)).toBe(9800);
  });

  it("an unknown purchase order is NOT_FOUND (not retryable)", async () => {
    const error: unknown = await callConnector(purchaseOrderLookupConnector, { poNumber: "PO-404" }, connectorTestContext(testDb.db)).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: 'Purchase order "PO-404" was not found' });
    expect(error).not.toHaveProperty("retryable", true);
  });
});

describe("transform", () => {
  it("returns its evaluated input as output", async () => {
    const input = { variance: 50, variancePct: 0.51, label: "within" };
    expect(await callConnector(transformConnector, input, connectorTestContext(testDb.db))).toEqual(input);
  });
});
