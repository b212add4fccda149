import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedExampleData } from "~/server/db/seed-examples";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { startFakeOpenAI, type FakeOpenAI } from "~/server/testing/fake-openai-server";
import { RunDriver } from "~/server/testing/run-driver";
import { createTestDb, createTestUser, type TestDb } from "~/server/testing/test-db";
import { createTestRuntime } from "~/server/testing/test-runtime";
import type { VirtualClock } from "./clock";
import type { Runtime } from "./runtime";

const API_KEY = "sk-test-flowgate-0123456789";

const classification = (category: string, confidence: number, summary = "Customer reports a duplicate charge") => ({
  json: { category, priority: "normal", summary, rationale: "The ticket talks about a charge on the invoice.", confidence },
});

/** Scripted model answers for the four example workflows. */
const FIXTURES = [
  { match: { promptIncludes: "Subject: Double charge" }, reply: classification("billing", 0.93) },
  { match: { promptIncludes: "Subject: Strange noise" }, reply: classification("other", 0.41) },
  { match: { promptIncludes: "Subject: Call me" }, reply: classification("account", 0.95, "Call back jane.doe@example.com") },
  {
    match: { systemIncludes: "automatic first tier", promptIncludes: "reset my password" },
    reply: { json: { answer: "Use the reset link on the sign-in page.", resolved: true, confidence: 0.92, rationale: "Standard request." } },
  },
  {
    match: { systemIncludes: "automatic first tier" },
    reply: { json: { answer: "I am not sure.", resolved: false, confidence: 0.3, rationale: "Needs a person." } },
  },
  { match: { promptIncludes: "on the public web" }, reply: { content: "Web notes: three public sources agree." } },
  { match: { promptIncludes: "internal documents" }, reply: { content: "Internal notes: one design doc." } },
  {
    match: { systemIncludes: "Merge research notes" },
    reply: { json: { report: "Merged report: sources agree; the paper track failed.", confidence: 0.8 } },
  },
];

let testDb: TestDb;
let fake: FakeOpenAI;
let supportApi: Server;
let closedCases: unknown[];
let runtime: Runtime;
let clock: VirtualClock;
let drive: RunDriver;
let approver: AuthenticatedUser;
let approver2: AuthenticatedUser;

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => resolve(body ? JSON.parse(body) : null));
  });
}

beforeAll(async () => {
  testDb = createTestDb();
  const admin = await createTestUser(testDb.db, "admin");
  approver = await createTestUser(testDb.db, "approver");
  approver2 = await createTestUser(testDb.db, "approver");
  await seedExampleData(testDb.db, { createdById: admin.id });
  fake = await startFakeOpenAI({ fixtures: FIXTURES, apiKey: API_KEY });
  closedCases = [];
  supportApi = createServer((req, res) => {
    void readJson(req).then((body) => {
      closedCases.push({ body, idempotencyKey: req.headers["idempotency-key"] });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ closed: true }));
    });
  });
  await new Promise<void>((resolve) => supportApi.listen(0, "127.0.0.1", resolve));
  const port = (supportApi.address() as AddressInfo).port;
  ({ runtime, clock } = createTestRuntime(testDb, {
    model: { apiKey: API_KEY, baseURL: fake.baseURL, defaultModel: "gpt-4.1-mini" },
    secrets: { SUPPORT_API_URL: `http://127.0.0.1:${port}` },
    httpAllowlist: [`127.0.0.1:${port}`],
  }));
  drive = new RunDriver(testDb, runtime);
});

afterAll(async () => {
  await runtime.shutdown();
  await fake.close();
  await new Promise((resolve) => supportApi.close(resolve));
  await testDb.dispose();
});

describe("invoice against purchase order", () => {
  const invoice = (amount: number, poNumber: string, invoiceNumber: string) => ({ vendor: "Globex", invoiceNumber, amount, poNumber, lines: [] });

  it("stages an invoice within the variance threshold, unattended", async () => {
    const runId = await drive.start("invoice-approval", invoice(1250, "PO-1003", "INV-100"));
    await drive.expectEnded(runId, "staged");
    expect(await testDb.db.stagingInvoice.count({ where: { runId } })).toBe(1);
    expect(await testDb.db.scheduledPayment.count({ where: { runId } })).toBe(0);
  });

  it("pays after one approval when the amount is under the high-amount cap", async () => {
    const runId = await drive.start("invoice-approval", invoice(9000, "PO-1001", "INV-101"));
    expect(await drive.status(runId)).toBe("waiting");
    const request = await drive.request(runId, "review");
    expect(request.summary).toContain("INV-101");
    expect(JSON.parse(request.details)).toMatchObject({ text: expect.stringContaining("PO amount 9800") });
    expect(request.impact).toContain("Schedules a payment of 9000 to Globex");
    expect(JSON.parse(request.alternatives)).toEqual(["Ask Globex for a corrected invoice", "Approve only the PO amount of 9800"]);
    expect(request.deadline?.getTime()).toBe(clock.now().getTime() + 2 * 24 * 60 * 60 * 1000);
    await drive.decide(runId, "review", approver, "approve");
    await drive.expectEnded(runId, "paid");
    expect(await testDb.db.scheduledPayment.count({ where: { runId } })).toBe(1);
  });

  it("needs a second, different approver above the cap, and never pays unattended", async () => {
    const runId = await drive.start("invoice-approval", invoice(24500, "PO-1002", "INV-102"));
    await drive.decide(runId, "review", approver, "approve");
    expect(await testDb.db.scheduledPayment.count({ where: { runId } })).toBe(0);
    await expect(drive.decide(runId, "secondApproval", approver, "approve")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await drive.decide(runId, "secondApproval", approver2, "approve");
    const run = await drive.expectEnded(runId, "paid");
    const guardrail = run.events.find((event) => event.type === "xstate.done.actor.highAmount");
    expect(guardrail?.payload).toContain("exceeds the cap");
    expect(await testDb.db.scheduledPayment.count({ where: { runId } })).toBe(1);
  });

  it("ends rejected when the approver rejects, with the comment recorded", async () => {
    const runId = await drive.start("invoice-approval", invoice(9000, "PO-1001", "INV-103"));
    await expect(drive.decide(runId, "review", approver, "reject")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await drive.decide(runId, "review", approver, "reject", "Lines do not match the PO.");
    await drive.expectEnded(runId, "rejected");
    const decision = await testDb.db.approvalDecision.findFirstOrThrow({ where: { approval: { runId } } });
    expect(decision).toMatchObject({ decision: "reject", comment: "Lines do not match the PO." });
  });

  it("expires when nobody decides before the deadline, and refuses a late decision", async () => {
    const runId = await drive.start("invoice-approval", invoice(9000, "PO-1001", "INV-104"));
    const request = await drive.request(runId, "review");
    clock.advance(2 * 24 * 60 * 60 * 1000 + 1000);
    await expect(drive.decide(runId, "review", approver, "approve")).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await drive.fireTimers(runId);
    await drive.expectEnded(runId, "expired", "cancelled");
    expect((await testDb.db.approval.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("timed_out");
    expect(await testDb.db.timer.count({ where: { runId, status: "fired" } })).toBe(1);
    // Firing again finds nothing to fire: a timer fires once.
    expect(await runtime.fireDueTimers()).toBe(0);
  });

  it("fails when the purchase order does not exist", async () => {
    const runId = await drive.start("invoice-approval", invoice(100, "PO-9999", "INV-105"));
    const run = await drive.expectEnded(runId, "failed", "failed");
    expect(run.events.some((event) => event.type === "xstate.error.actor.lookupPo")).toBe(true);
  });
});

describe("ticket triage and auto-assignment", () => {
  const ticket = (ticketId: string, subject: string) => ({ ticketId, subject, body: "Please help.", customerTier: "gold" });

  it("classifies, routes by the rule table, assigns, and completes when the assignee accepts", async () => {
    const runId = await drive.start("ticket-triage", ticket("T-1", "Double charge"));
    const assignment = await testDb.db.ticketAssignment.findFirstOrThrow({ where: { runId } });
    expect(assignment.team).toBe("billing");
    await runtime.send(runId, { type: "SIGNAL", name: "ticket.accepted", payload: { by: "billing-agent" } }, "service:helpdesk");
    const run = await drive.expectEnded(runId, "assigned");
    const classified = run.events.find((event) => event.type === "xstate.done.actor.classify");
    expect(classified?.rationale).toBe("The ticket talks about a charge on the invoice.");
    expect(classified?.actor).toBe("model:gpt-4.1-mini");
    const call = await testDb.db.modelCall.findFirstOrThrow({ where: { runId } });
    expect(call.promptTokens).toBeGreaterThan(0);
    expect(call.costUsd).toBeGreaterThan(0);
  });

  it("escalates to on-call when nobody accepts in time, then the manager resolves it", async () => {
    const runId = await drive.start("ticket-triage", ticket("T-2", "Double charge"));
    clock.advance(15 * 60 * 1000 + 1);
    await drive.fireTimers(runId);
    expect((await drive.request(runId, "escalate")).tier).toBe("onCall");
    clock.advance(15 * 60 * 1000 + 1);
    await drive.fireTimers(runId);
    const manager = await drive.request(runId, "escalate");
    expect(manager.tier).toBe("manager");
    expect(JSON.parse(manager.details)).toMatchObject({ handoff: [expect.objectContaining({ tier: "onCall" })] });
    await drive.answer(runId, "escalate", approver, true, "Assigned to Dana, she is on it.");
    await drive.expectEnded(runId, "assigned");
  });

  it("ends unhandled when the last tier cannot resolve it", async () => {
    const runId = await drive.start("ticket-triage", ticket("T-3", "Double charge"));
    clock.advance(15 * 60 * 1000 + 1);
    await drive.fireTimers(runId);
    clock.advance(15 * 60 * 1000 + 1);
    await drive.fireTimers(runId);
    await drive.answer(runId, "escalate", approver, false, "Nobody available.");
    await drive.expectEnded(runId, "unhandled", "failed");
  });

  it("sends a low-confidence classification to the triage queue", async () => {
    const runId = await drive.start("ticket-triage", ticket("T-4", "Strange noise"));
    const run = await drive.expectEnded(runId, "queued");
    const verdict = run.events.find((event) => event.type === "xstate.done.actor.checkClassification");
    expect(verdict?.payload).toContain("confidence");
    expect((await testDb.db.ticketAssignment.findFirstOrThrow({ where: { runId } })).team).toBe("triage");
  });

  it("blocks a classification that would let personal data leave", async () => {
    const runId = await drive.start("ticket-triage", ticket("T-5", "Call me"));
    const run = await drive.expectEnded(runId, "queued");
    expect(run.events.find((event) => event.type === "xstate.done.actor.checkClassification")?.payload).toContain("email");
  });

  it("runs in shadow mode: records what it would assign, assigns nothing", async () => {
    const runId = await drive.start("ticket-triage", ticket("T-6", "Double charge"), { shadow: true });
    expect(await testDb.db.ticketAssignment.count({ where: { runId } })).toBe(0);
    const invocation = await testDb.db.toolInvocation.findFirstOrThrow({ where: { runId, connector: "ticket.assign" } });
    expect(invocation).toMatchObject({ status: "shadowed", shadow: true });
    expect(JSON.parse(invocation.request)).toMatchObject({ ticketId: "T-6", team: "billing" });
  });
});

describe("tiered support escalation", () => {
  const support = (customerId: string, message: string) => ({ customerId, message });

  it("answers automatically when the model is confident", async () => {
    const runId = await drive.start("tiered-support-escalation", support("C-1", "Please reset my password"));
    await drive.expectEnded(runId, "answered");
    expect(await testDb.db.notification.count({ where: { body: { contains: "reset link" } } })).toBeGreaterThan(0);
  });

  it("hands a low-confidence answer to L1, who resolves it; the ticket is closed over HTTP", async () => {
    const runId = await drive.start("tiered-support-escalation", support("C-2", "My export looks wrong"));
    const l1 = await drive.request(runId, "support");
    expect(l1.tier).toBe("l1");
    expect(JSON.parse(l1.details)).toMatchObject({ handoff: [expect.objectContaining({ tier: "auto", escalated: expect.any(String) })] });
    await drive.answer(runId, "support", approver, true, "Re-ran the export for the customer.", 0.9);
    await drive.expectEnded(runId, "resolved");
    expect(closedCases).toContainEqual(expect.objectContaining({ body: { customerId: "C-2", resolvedBy: "l1" } }));
  });

  it("sends a legal case straight to the specialist", async () => {
    const runId = await drive.start("tiered-support-escalation", support("C-3", "This is a legal matter about my contract"));
    expect((await drive.request(runId, "support")).tier).toBe("specialist");
    await drive.answer(runId, "support", approver, true, "Legal reviewed the contract.");
    await drive.expectEnded(runId, "resolved");
  });

  it("ends unresolved when the specialist cannot resolve it", async () => {
    const runId = await drive.start("tiered-support-escalation", support("C-4", "legal question"));
    await drive.answer(runId, "support", approver, false, "Out of our hands.");
    await drive.expectEnded(runId, "unresolved", "failed");
  });
});

describe("parallel research and merge", () => {
  it("tolerates one failed track, merges, and publishes after sign-off", async () => {
    const runId = await drive.start("parallel-research", { topic: "durable execution" });
    const signOff = await drive.request(runId, "signOff");
    expect(signOff.summary).toContain("durable execution");
    expect(JSON.parse(signOff.details)).toMatchObject({ text: expect.stringContaining("Merged report") });
    const run = await testDb.db.run.findUniqueOrThrow({ where: { id: runId } });
    const join = (JSON.parse(run.snapshot) as { context: { steps: Record<string, { output?: unknown }> } }).context.steps.join;
    expect(JSON.stringify(join?.output)).toContain("failed");
    await drive.decide(runId, "signOff", approver, "approve");
    await drive.expectEnded(runId, "published");
  });

  it("goes back to merging when changes are requested, then ends rejected", async () => {
    const runId = await drive.start("parallel-research", { topic: "saga patterns" });
    await drive.decide(runId, "signOff", approver, "changes", "Add a summary table.");
    const again = await drive.request(runId, "signOff");
    expect(again.visit).toBe(2);
    await drive.decide(runId, "signOff", approver2, "reject", "Not needed after all.");
    await drive.expectEnded(runId, "rejected");
  });
});
