import { fromPromise, initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from "xstate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTOR_KEYS, activeNodeIds, compile, type Graph } from "~/engine";
import { seedExampleData } from "~/server/db/seed-examples";
import { answerEscalation, decideApproval } from "~/server/services/approvals/decide-approval";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { startFakeOpenAI, type FakeOpenAI } from "~/server/testing/fake-openai-server";
import { createTestDb, createTestUser, type TestDb } from "~/server/testing/test-db";
import { createTestRuntime, exampleGraph } from "~/server/testing/test-runtime";
import type { VirtualClock } from "./clock";
import type { Runtime } from "./runtime";

/**
 * Determinism check: the recorded ledger of each example run, replayed through the compiled
 * machine with XState's pure `transition`, reaches the snapshot the runtime stored.
 */

const API_KEY = "sk-replay-test";
const MINUTE = 60_000;

let testDb: TestDb;
let fake: FakeOpenAI;
let runtime: Runtime;
let clock: VirtualClock;
let approvers: AuthenticatedUser[];
let workflowIds: Record<string, string>;
/** The runs to replay: name → run id. */
const runs = new Map<string, string>();

beforeAll(async () => {
  testDb = createTestDb();
  const admin = await createTestUser(testDb.db, "admin");
  approvers = [await createTestUser(testDb.db, "approver"), await createTestUser(testDb.db, "approver")];
  await seedExampleData(testDb.db, { createdById: admin.id });
  fake = await startFakeOpenAI({
    apiKey: API_KEY,
    fixtures: [
      {
        match: { promptIncludes: "Card charged twice" },
        reply: {
          json: { category: "billing", priority: "high", summary: "Duplicate charge", rationale: "The customer was charged twice", confidence: 0.95 },
        },
      },
      {
        match: { promptIncludes: "Export button" },
        reply: {
          json: { category: "technical", priority: "normal", summary: "Export fails", rationale: "A product bug report", confidence: 0.91 },
        },
      },
      {
        match: { promptIncludes: "opening hours" },
        reply: { json: { answer: "We are open 9 to 17 on weekdays.", resolved: true, confidence: 0.93, rationale: "A factual question" } },
      },
    ],
  });
  ({ runtime, clock } = createTestRuntime(testDb, { model: { apiKey: API_KEY, baseURL: fake.baseURL, defaultModel: "gpt-4.1-mini" } }));
  const workflows = await testDb.db.workflow.findMany();
  workflowIds = Object.fromEntries(workflows.map((workflow) => [JSON.parse(workflow.draftGraph).id as string, workflow.id]));

  const start = async (name: string, example: string, input: Record<string, unknown>) => {
    const { runId } = await runtime.startRun({
      workflowId: workflowIds[example]!,
      versionId: null,
      graph: exampleGraph(example),
      input,
      shadow: false,
      startedById: null,
    });
    await runtime.settled(runId);
    runs.set(name, runId);
    return runId;
  };
  const pendingRequest = async (runId: string) => {
    const [request] = await testDb.db.approval.findMany({ where: { runId, status: "pending" } });
    if (!request) throw new Error(`run ${runId} waits for no one`);
    return request;
  };
  const decide = async (runId: string, user: AuthenticatedUser, decision: "approve" | "reject") => {
    const request = await pendingRequest(runId);
    await decideApproval(testDb.db, runtime, user, { approvalId: request.id, decision, ...(decision === "reject" ? { comment: "No" } : {}) });
    await runtime.settled(runId);
  };
  const invoice = { vendor: "Acme Tools", invoiceNumber: "INV-1", amount: 9800, poNumber: "PO-1001", lines: [] };

  // Invoice within tolerance: staged without a person.
  await start("invoice staged", "invoice-approval", invoice);
  // Invoice over 10,000: two approvals (the budget guardrail blocks), then the payment.
  const paid = await start("invoice paid", "invoice-approval", { ...invoice, vendor: "Globex", invoiceNumber: "INV-2", amount: 25000, poNumber: "PO-1002" });
  await decide(paid, approvers[0]!, "approve");
  await decide(paid, approvers[1]!, "approve");
  // Invoice rejected at review.
  const rejected = await start("invoice rejected", "invoice-approval", { ...invoice, invoiceNumber: "INV-3", amount: 1300, poNumber: "PO-1003" });
  await decide(rejected, approvers[0]!, "reject");
  // Invoice whose review deadline passes: a durable timer fires.
  const expired = await start("invoice expired", "invoice-approval", { ...invoice, invoiceNumber: "INV-4", amount: 1300, poNumber: "PO-1003" });
  clock.advance(3 * 24 * 60 * MINUTE);
  expect(await runtime.fireDueTimers()).toBeGreaterThan(0);
  await runtime.settled(expired);
  // Invoice left waiting at its review.
  await start("invoice waiting", "invoice-approval", { ...invoice, invoiceNumber: "INV-5", amount: 1300, poNumber: "PO-1003" });

  // Ticket triage: the model classifies, the rule table routes, the ticket is accepted (a signal).
  const accepted = await start("ticket accepted", "ticket-triage", {
    ticketId: "T-1",
    subject: "Card charged twice",
    body: "My card was charged twice this month.",
    customerTier: "gold",
  });
  await runtime.send(accepted, { type: "SIGNAL", name: "ticket.accepted", payload: { by: "agent-7" } }, "user:test");
  await runtime.settled(accepted);
  // Ticket triage: nobody accepts in time, the on-call tier resolves the escalation.
  const escalated = await start("ticket escalated", "ticket-triage", { ticketId: "T-2", subject: "Export button", body: "Export does nothing." });
  clock.advance(16 * MINUTE);
  expect(await runtime.fireDueTimers()).toBeGreaterThan(0);
  await runtime.settled(escalated);
  await answerEscalation(testDb.db, runtime, approvers[0]!, {
    approvalId: (await pendingRequest(escalated)).id,
    resolved: true,
    answer: "Fixed the export job.",
    confidence: 0.9,
  });
  await runtime.settled(escalated);
  // Tiered support: the automatic tier (a model) answers, the answer is sent.
  await start("support answered", "tiered-support-escalation", { customerId: "C-1", message: "What are your opening hours?" });
}, 60_000);

afterAll(async () => {
  await runtime?.shutdown();
  await fake?.close();
  await testDb?.dispose();
});

/** The compiled machine with step actors that are never run: with the pure API, done events come from the ledger. */
function replayMachine(graph: Graph): AnyStateMachine {
  const never = fromPromise<unknown, unknown>(() => new Promise<unknown>(() => undefined));
  return compile(graph).machine.provide({ actors: Object.fromEntries(ACTOR_KEYS.map((key) => [key, never])) });
}

type StoredPayload = { event: Record<string, unknown>; path: string[] };
type LedgerRow = { seq: number; type: string; payload: string; toNodes: string };
type Step = { expected: { seq: number; type: string; to: unknown }; actual: { seq: number; type: string; to: string[] } };

/**
 * Feeds a run's ledger through the machine: `initialTransition` with the run's input for the
 * first row (`xstate.init`), then each row's event, `{ type, ...payload.event }`.
 */
function replay(machine: AnyStateMachine, input: Record<string, unknown>, rows: readonly LedgerRow[], onStep: (step: Step) => void): AnyMachineSnapshot {
  const [first, ...rest] = rows;
  if (first?.type !== "xstate.init") throw new Error(`the ledger starts with ${first?.type}, not xstate.init`);
  let [snapshot] = initialTransition(machine, input);
  const check = (row: LedgerRow) =>
    onStep({
      expected: { seq: row.seq, type: row.type, to: JSON.parse(row.toNodes) },
      actual: { seq: row.seq, type: row.type, to: activeNodeIds(snapshot as AnyMachineSnapshot) },
    });
  check(first);
  for (const row of rest) {
    const payload = JSON.parse(row.payload) as StoredPayload;
    [snapshot] = transition(machine, snapshot, { type: row.type, ...payload.event });
    check(row);
  }
  return snapshot as AnyMachineSnapshot;
}

describe("replaying the ledgers of the example runs", () => {
  it("covers finished and waiting runs of every example", async () => {
    const stored = await testDb.db.run.findMany({ where: { id: { in: [...runs.values()] } } });
    const byName = Object.fromEntries([...runs].map(([name, id]) => [name, stored.find((run) => run.id === id)]));
    const endOf = (run: (typeof stored)[number] | undefined) =>
      `${run?.status}/${run?.outcome}@${(JSON.parse(run?.snapshot ?? "{}") as { context?: { result?: { endNode?: string } } }).context?.result?.endNode ?? "-"}`;
    expect(Object.fromEntries(Object.entries(byName).map(([name, run]) => [name, endOf(run)]))).toEqual({
      "invoice staged": "completed/completed@staged",
      "invoice paid": "completed/completed@paid",
      "invoice rejected": "completed/rejected@rejected",
      "invoice expired": "cancelled/cancelled@expired",
      "invoice waiting": "waiting/null@-",
      "ticket accepted": "completed/completed@assigned",
      "ticket escalated": "completed/completed@assigned",
      "support answered": "completed/completed@answered",
    });
    // The model was asked: twice to classify, once as the automatic support tier.
    expect(fake.requests.filter((request) => request.path === "/v1/chat/completions")).toHaveLength(3);
  });

  it.each([
    "invoice staged",
    "invoice paid",
    "invoice rejected",
    "invoice expired",
    "invoice waiting",
    "ticket accepted",
    "ticket escalated",
    "support answered",
  ])("%s: reaches the stored snapshot", async (name) => {
    const run = await testDb.db.run.findUniqueOrThrow({ where: { id: runs.get(name)! }, include: { events: { orderBy: { seq: "asc" } } } });
    const graph = JSON.parse(run.graph) as Graph;
    const machine = replayMachine(graph);
    const snapshot = replay(machine, JSON.parse(run.input) as Record<string, unknown>, run.events, (step) => {
      // Every step lands where the ledger says it did.
      expect(step.actual).toEqual(step.expected);
    });

    const persisted = JSON.parse(run.snapshot) as { value: unknown; context: unknown; status: string; children: Record<string, unknown> };
    const replayed = snapshot;
    expect({ value: replayed.value, context: replayed.context, status: replayed.status }).toEqual({
      value: persisted.value,
      context: persisted.context,
      status: persisted.status,
    });
    // The whole persisted form too: history, output, children (none: no step is working).
    expect(JSON.parse(JSON.stringify(machine.getPersistedSnapshot(replayed)))).toEqual(persisted);
  });

  it("notices a ledger that was changed: a different decision leads elsewhere", async () => {
    const run = await testDb.db.run.findUniqueOrThrow({ where: { id: runs.get("invoice paid")! }, include: { events: { orderBy: { seq: "asc" } } } });
    const rows = run.events.map((row) => {
      if (row.type !== "APPROVAL.DECIDED") return row;
      const payload = JSON.parse(row.payload) as StoredPayload;
      return { ...row, payload: JSON.stringify({ ...payload, event: { ...payload.event, decision: "reject", comment: "No" } }) };
    });
    const diverged: number[] = [];
    const snapshot = replay(replayMachine(JSON.parse(run.graph) as Graph), JSON.parse(run.input) as Record<string, unknown>, rows, (step) => {
      if (JSON.stringify(step.actual.to) !== JSON.stringify(step.expected.to)) diverged.push(step.expected.seq);
    });
    expect(diverged.length).toBeGreaterThan(0);
    expect(snapshot.context).not.toEqual((JSON.parse(run.snapshot) as { context: unknown }).context);
  });
});
