import { afterAll, beforeAll, expect, it } from "vitest";
import { seedExampleData } from "~/server/db/seed-examples";
import { createTestDb, createTestUser, type TestDb } from "~/server/testing/test-db";
import { createTestRuntime, exampleGraph } from "~/server/testing/test-runtime";
import { verifyLedger } from "./ledger/verify-ledger";

let testDb: TestDb;
beforeAll(async () => {
  testDb = createTestDb();
  const admin = await createTestUser(testDb.db, "admin");
  await seedExampleData(testDb.db, { createdById: admin.id });
});
afterAll(() => testDb.dispose());

it("runs the invoice example to staged", async () => {
  const { runtime } = createTestRuntime(testDb);
  const workflow = await testDb.db.workflow.findFirstOrThrow({ where: { name: { contains: "Invoice" } } });
  const { runId } = await runtime.startRun({
    workflowId: workflow.id,
    versionId: null,
    graph: exampleGraph("invoice-approval"),
    input: { vendor: "Initech", invoiceNumber: "INV-1", amount: 1250, poNumber: "PO-1003", lines: [] },
    shadow: false,
    startedById: null,
  });
  await runtime.settled(runId);
  const run = await testDb.db.run.findUniqueOrThrow({ where: { id: runId }, include: { events: { orderBy: { seq: "asc" } } } });
  console.log(run.status, run.outcome, run.events.map((e) => `${e.seq} ${e.type} ${e.actor} ${e.toNodes}`));
  expect(run.status).toBe("completed");
  expect(verifyLedger(run.events).ok).toBe(true);
  expect(await testDb.db.stagingInvoice.count()).toBe(1);
});
