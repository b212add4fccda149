import { afterAll, beforeAll, expect, it } from "vitest";
import { seedExampleData } from "~/server/db/seed-examples";
import { decideApproval } from "~/server/services/approvals/decide-approval";
import { listInbox } from "~/server/services/approvals/list-inbox";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { createTestDb, createTestUser, type TestDb } from "~/server/testing/test-db";
import { createTestRuntime, exampleGraph } from "~/server/testing/test-runtime";
import { verifyLedger } from "./ledger/verify-ledger";

let testDb: TestDb;
let approver: AuthenticatedUser;
let approver2: AuthenticatedUser;
beforeAll(async () => {
  testDb = createTestDb();
  const admin = await createTestUser(testDb.db, "admin");
  approver = await createTestUser(testDb.db, "approver");
  approver2 = await createTestUser(testDb.db, "approver");
  await seedExampleData(testDb.db, { createdById: admin.id });
});
afterAll(() => testDb.dispose());

it("runs the invoice example through two approvals", async () => {
  const { runtime, clock } = createTestRuntime(testDb);
  const workflow = await testDb.db.workflow.findFirstOrThrow({ where: { name: { contains: "Invoice" } } });
  const { runId } = await runtime.startRun({
    workflowId: workflow.id,
    versionId: null,
    graph: exampleGraph("invoice-approval"),
    input: { vendor: "Globex", invoiceNumber: "INV-2", amount: 25000, poNumber: "PO-1002", lines: [] },
    shadow: false,
    startedById: null,
  });
  await runtime.settled(runId);
  const inbox = await listInbox(testDb.db, clock, approver, { view: "pending" });
  expect(inbox).toHaveLength(1);
  await decideApproval(testDb.db, runtime, approver, { approvalId: inbox[0]!.id, decision: "approve" });
  await runtime.settled(runId);
  const second = await listInbox(testDb.db, clock, approver2, { view: "pending" });
  expect(second.map((r) => r.nodeId)).toEqual(["secondApproval"]);
  await expect(decideApproval(testDb.db, runtime, approver, { approvalId: second[0]!.id, decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  await decideApproval(testDb.db, runtime, approver2, { approvalId: second[0]!.id, decision: "approve" });
  await runtime.settled(runId);
  const run = await testDb.db.run.findUniqueOrThrow({ where: { id: runId }, include: { events: { orderBy: { seq: "asc" } }, approvals: true } });
  console.log(run.status, run.outcome, run.events.map((e) => `${e.seq} ${e.type} ${e.actor} ${e.toNodes}`), run.approvals.map((a) => `${a.nodeId} ${a.status}`));
  expect(run.status).toBe("completed");
  expect(verifyLedger(run.events).ok).toBe(true);
  expect(await testDb.db.scheduledPayment.count()).toBe(1);
});
