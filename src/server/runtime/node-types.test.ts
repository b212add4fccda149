import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "~/engine";
import { decideApproval } from "~/server/services/approvals/decide-approval";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { streamRun } from "~/server/services/runs/run-streams";
import { buildGraph } from "~/server/testing/graph-builder";
import { createTestDb, createTestUser, type TestDb } from "~/server/testing/test-db";
import { createTestRuntime } from "~/server/testing/test-runtime";
import type { VirtualClock } from "./clock";
import { verifyLedger } from "./ledger/verify-ledger";
import type { Runtime } from "./runtime";

let testDb: TestDb;
let runtime: Runtime;
let clock: VirtualClock;
let approvers: AuthenticatedUser[];
let flaky: Server;
let flakyCalls: { key: string | undefined }[];
let flakyUrl: string;

beforeAll(async () => {
  testDb = createTestDb();
  approvers = [
    await createTestUser(testDb.db, "approver"),
    await createTestUser(testDb.db, "approver"),
    await createTestUser(testDb.db, "approver"),
  ];
  flakyCalls = [];
  // Answers 503 to the first call of every idempotency key, 200 after that.
  flaky = createServer((req, res) => {
    const key = req.headers["idempotency-key"] as string | undefined;
    const seen = flakyCalls.filter((call) => call.key === key).length;
    flakyCalls.push({ key });
    if (seen === 0) res.writeHead(503).end("try again");
    else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, attempt: seen + 1 }));
  });
  await new Promise<void>((resolve) => flaky.listen(0, "127.0.0.1", resolve));
  const port = (flaky.address() as AddressInfo).port;
  flakyUrl = `http://127.0.0.1:${port}/work`;
  ({ runtime, clock } = createTestRuntime(testDb, { httpAllowlist: [`127.0.0.1:${port}`], maxSteps: 40 }));
});

afterAll(async () => {
  await runtime.shutdown();
  await new Promise((resolve) => flaky.close(resolve));
  await testDb.dispose();
});

async function start(graph: Graph, input: Record<string, unknown> = {}, extra: { idempotencyKey?: string; startedById?: string } = {}) {
  const workflow = await testDb.db.workflow.upsert({
    where: { id: graph.id },
    update: {},
    create: { id: graph.id, name: graph.name, draftGraph: JSON.stringify(graph) },
  });
  const started = await runtime.startRun({ workflowId: workflow.id, versionId: null, graph, input, shadow: false, startedById: extra.startedById ?? null, ...extra });
  await runtime.settled(started.runId);
  return started.runId;
}

async function run(runId: string) {
  await runtime.settled(runId);
  const row = await testDb.db.run.findUniqueOrThrow({ where: { id: runId }, include: { events: { orderBy: { seq: "asc" } } } });
  const context = (JSON.parse(row.snapshot) as { context: { steps: Record<string, { outcome?: string; output?: unknown }>; result?: { endNode: string } } }).context;
  return { ...row, context, endNode: context.result?.endNode };
}

async function decide(runId: string, nodeId: string, user: AuthenticatedUser, decision: "approve" | "reject", comment?: string) {
  const request = await testDb.db.approval.findFirstOrThrow({ where: { runId, nodeId, status: "pending" } });
  await decideApproval(testDb.db, runtime, user, { approvalId: request.id, decision, comment });
  await runtime.settled(runId);
}

/** tRPC's `tracked(id, data)` envelope is `[id, data, marker]`. */
const trackedId = (envelope: unknown) => (envelope as [string, unknown])[0];

const end = (id: string, outcome = "completed") => ({ id, type: "end", config: { outcome } });
const approval = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: "approval",
  config: { summary: `Decide ${id}`, assignees: { roles: ["approver"] }, allowChanges: false, ...extra },
});
const transform = (id: string, input: Record<string, string> = { value: "1" }) => ({ id, type: "task", config: { connector: "transform", input } });

describe("wait", () => {
  it("waits for a duration on a durable timer that fires once", async () => {
    const graph = buildGraph("wait-duration", [{ id: "start", type: "start" }, { id: "pause", type: "wait", config: { mode: "duration", duration: "PT1H" } }, end("done")], [
      ["start", "next", "pause"],
      ["pause", "done", "done"],
    ]);
    const runId = await start(graph);
    const timer = await testDb.db.timer.findFirstOrThrow({ where: { runId } });
    expect(timer.dueAt.getTime() - clock.now().getTime()).toBe(60 * 60 * 1000);
    expect(await runtime.fireDueTimers()).toBe(0);
    clock.advance(60 * 60 * 1000);
    expect(await runtime.fireDueTimers()).toBe(1);
    expect(await runtime.fireDueTimers()).toBe(0);
    expect((await run(runId)).endNode).toBe("done");
  });

  it("waits until a time given by the input", async () => {
    const graph = buildGraph(
      "wait-until",
      [{ id: "start", type: "start", config: { inputFields: [{ name: "at", type: "string" }] } }, { id: "pause", type: "wait", config: { mode: "until", until: "input.at" } }, end("done")],
      [
        ["start", "next", "pause"],
        ["pause", "done", "done"],
      ],
    );
    const at = new Date(clock.now().getTime() + 5 * 60 * 1000).toISOString();
    const runId = await start(graph, { at });
    expect((await testDb.db.timer.findFirstOrThrow({ where: { runId } })).dueAt.toISOString()).toBe(at);
    clock.advance(5 * 60 * 1000);
    await runtime.fireDueTimers();
    expect((await run(runId)).endNode).toBe("done");
  });

  it("waits for a signal, or gives up after its timeout", async () => {
    const graph = buildGraph(
      "wait-signal",
      [{ id: "start", type: "start" }, { id: "pause", type: "wait", config: { mode: "signal", signal: "go", timeout: "PT10M" } }, end("done"), end("late", "failed")],
      [
        ["start", "next", "pause"],
        ["pause", "done", "done"],
        ["pause", "timeout", "late"],
      ],
    );
    const signalled = await start(graph);
    await expect(runtime.signal(signalled, "other", null, "test")).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await run(signalled)).status).toBe("waiting");
    await runtime.signal(signalled, "go", { ok: true }, "test");
    const done = await run(signalled);
    expect(done.endNode).toBe("done");
    expect(done.context.steps.pause?.output).toEqual({ ok: true });
    expect(await testDb.db.timer.findFirstOrThrow({ where: { runId: signalled } })).toMatchObject({ status: "cancelled" });

    const timedOut = await start(graph);
    clock.advance(10 * 60 * 1000);
    await runtime.fireDueTimers();
    expect((await run(timedOut)).endNode).toBe("late");
  });
});

describe("approval", () => {
  it("needs a quorum of distinct approvers; each decision is its own row", async () => {
    const graph = buildGraph("quorum", [{ id: "start", type: "start" }, approval("sign", { quorum: 2 }), end("yes"), end("no", "rejected")], [
      ["start", "next", "sign"],
      ["sign", "approve", "yes"],
      ["sign", "reject", "no"],
    ]);
    const runId = await start(graph);
    await decide(runId, "sign", approvers[0]!, "approve");
    expect((await run(runId)).status).toBe("waiting");
    await expect(decide(runId, "sign", approvers[0]!, "approve")).rejects.toMatchObject({ code: "CONFLICT" });
    await decide(runId, "sign", approvers[1]!, "approve");
    expect((await run(runId)).endNode).toBe("yes");
    expect(await testDb.db.approvalDecision.count({ where: { approval: { runId } } })).toBe(2);

    const rejected = await start(graph);
    await decide(rejected, "sign", approvers[0]!, "approve");
    await decide(rejected, "sign", approvers[1]!, "reject", "No budget.");
    expect((await run(rejected)).endNode).toBe("no");
  });

  it("refuses the person who started the run, and people it is not assigned to", async () => {
    const graph = buildGraph("assigned", [{ id: "start", type: "start" }, approval("sign", { assignees: { users: [approvers[2]!.email], roles: [] } }), end("yes"), end("no", "rejected")], [
      ["start", "next", "sign"],
      ["sign", "approve", "yes"],
      ["sign", "reject", "no"],
    ]);
    const runId = await start(graph, {}, { startedById: approvers[2]!.id });
    await expect(decide(runId, "sign", approvers[2]!, "approve")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decide(runId, "sign", approvers[0]!, "approve")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decideApproval(testDb.db, runtime, approvers[0]!, { approvalId: "no-such-id", decision: "approve" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("opens one request per branch inside a parallel fork, each decided on its own", async () => {
    const graph = buildGraph(
      "parallel-approvals",
      [
        { id: "start", type: "start" },
        { id: "fork", type: "parallel", config: { branches: [{ id: "legal" }, { id: "finance" }] } },
        approval("legalOk"),
        approval("financeOk"),
        { id: "join", type: "join", config: { mode: "all" } },
        end("done"),
        end("stopped", "failed"),
      ],
      [
        ["start", "next", "fork"],
        ["fork", "legal", "legalOk"],
        ["fork", "finance", "financeOk"],
        ["legalOk", "approve", "join"],
        ["legalOk", "reject", "join"],
        ["financeOk", "approve", "join"],
        ["financeOk", "reject", "join"],
        ["join", "done", "done"],
        ["join", "failed", "stopped"],
      ],
    );
    const runId = await start(graph);
    const open = await testDb.db.approval.findMany({ where: { runId, status: "pending" } });
    expect(open.map((request) => request.nodeId).sort()).toEqual(["financeOk", "legalOk"]);
    await decide(runId, "financeOk", approvers[0]!, "approve");
    expect((await run(runId)).status).toBe("waiting");
    await decide(runId, "legalOk", approvers[1]!, "approve");
    expect((await run(runId)).endNode).toBe("done");
  });
});

describe("parallel and join", () => {
  it("proceeds at n of m successful branches", async () => {
    const graph = buildGraph(
      "n-of-m",
      [
        { id: "start", type: "start" },
        { id: "fork", type: "parallel", config: { branches: [{ id: "a" }, { id: "b" }, { id: "c" }] } },
        transform("ta"),
        transform("tb"),
        { id: "tc", type: "wait", config: { mode: "signal", signal: "never" } },
        { id: "join", type: "join", config: { mode: "n_of_m", n: 2 } },
        end("done"),
        end("stopped", "failed"),
      ],
      [
        ["start", "next", "fork"],
        ["fork", "a", "ta"],
        ["fork", "b", "tb"],
        ["fork", "c", "tc"],
        ["ta", "success", "join"],
        ["ta", "error", "join"],
        ["tb", "success", "join"],
        ["tb", "error", "join"],
        ["tc", "done", "join"],
        ["join", "done", "done"],
        ["join", "failed", "stopped"],
      ],
    );
    const runId = await start(graph);
    expect((await run(runId)).endNode).toBe("done");
  });
});

describe("task", () => {
  it("retries a failing call with the same idempotency key, then succeeds", async () => {
    const graph = buildGraph(
      "retry",
      [
        { id: "start", type: "start" },
        { id: "call", type: "task", config: { connector: "http", input: { url: `"${flakyUrl}"`, method: '"POST"' }, retry: { maxAttempts: 3 } } },
        end("done"),
        end("broken", "failed"),
      ],
      [
        ["start", "next", "call"],
        ["call", "success", "done"],
        ["call", "error", "broken"],
      ],
    );
    const runId = await start(graph);
    const finished = await run(runId);
    expect(finished.endNode).toBe("done");
    const invocation = await testDb.db.toolInvocation.findFirstOrThrow({ where: { runId } });
    expect(invocation).toMatchObject({ status: "succeeded", attempts: 2 });
    const keys = flakyCalls.filter((call) => call.key === invocation.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(invocation.idempotencyKey).toBe(`${runId}:call:1`);
  });

  it("routes a connector that refuses its input to the error handle", async () => {
    const graph = buildGraph("bad-input", [{ id: "start", type: "start" }, { id: "pay", type: "task", config: { connector: "payment.schedule", input: { vendor: '"x"' } } }, end("done"), end("broken", "failed")], [
      ["start", "next", "pay"],
      ["pay", "success", "done"],
      ["pay", "error", "broken"],
    ]);
    const finished = await run(await start(graph));
    expect(finished.endNode).toBe("broken");
    expect(JSON.stringify(finished.context.steps.pay)).toContain("amount");
  });
});

describe("llm without a model", () => {
  it("takes the fallback route and says why", async () => {
    const graph = buildGraph(
      "no-model",
      [{ id: "start", type: "start" }, { id: "ask", type: "llm", config: { userPrompt: "Hello", fallback: true } }, end("answered"), end("human"), end("broken", "failed")],
      [
        ["start", "next", "ask"],
        ["ask", "success", "answered"],
        ["ask", "fallback", "human"],
        ["ask", "error", "broken"],
      ],
    );
    const finished = await run(await start(graph));
    expect(finished.endNode).toBe("human");
    expect(finished.context.steps.ask?.output).toMatchObject({ reason: "No model configured" });
  });
});

describe("runs", () => {
  const waiting = () =>
    buildGraph("waiting", [{ id: "start", type: "start", config: { inputFields: [{ name: "n", type: "number" }] } }, approval("sign", { deadline: "P1D" }), end("yes"), end("no", "rejected")], [
      ["start", "next", "sign"],
      ["sign", "approve", "yes"],
      ["sign", "reject", "no"],
      ["sign", "timeout", "no"],
    ]);

  it("validates the input against the start node's fields", async () => {
    await expect(start(waiting(), { n: "three" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("n:") });
    await expect(start(waiting(), { n: 3, extra: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("returns the same run for the same idempotency key", async () => {
    const first = await start(waiting(), { n: 1 }, { idempotencyKey: "order-42" });
    const second = await start(waiting(), { n: 2 }, { idempotencyKey: "order-42" });
    expect(second).toBe(first);
    expect(await testDb.db.run.count({ where: { idempotencyKey: "order-42" } })).toBe(1);
  });

  it("cancels a waiting run: its request and timer close, and it cannot be cancelled twice", async () => {
    const runId = await start(waiting(), { n: 1 });
    await runtime.cancel(runId, "user:test", "No longer needed");
    const cancelled = await run(runId);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.events.at(-1)).toMatchObject({ type: "RUN.CANCELLED", actor: "user:test" });
    expect(await testDb.db.approval.findFirstOrThrow({ where: { runId } })).toMatchObject({ status: "cancelled" });
    expect(await testDb.db.timer.findFirstOrThrow({ where: { runId } })).toMatchObject({ status: "cancelled" });
    await expect(runtime.cancel(runId, "user:test", "again")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(verifyLedger(cancelled.events).ok).toBe(true);
  });

  it("fails a run that exceeds its step budget, with the reason", async () => {
    const graph = buildGraph(
      "spin",
      [
        { id: "start", type: "start" },
        transform("work"),
        { id: "again", type: "decision", config: { source: "inline", outcomes: ["loop", "stop"], rules: [{ when: "true", outcome: "loop" }], defaultOutcome: "stop" } },
        end("done"),
        end("broken", "failed"),
      ],
      [
        ["start", "next", "work"],
        ["work", "success", "again"],
        ["work", "error", "broken"],
        ["again", "loop", "work"],
        ["again", "stop", "done"],
      ],
    );
    const runId = await start(graph);
    for (let i = 0; i < 100 && (await run(runId)).status === "running"; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    const failed = await run(runId);
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain("Step budget exceeded");
    expect(verifyLedger(failed.events).ok).toBe(true);
  });

  it("streams the ledger, resuming after the last event id without gaps or duplicates", async () => {
    const runId = await start(waiting(), { n: 1 });
    const controller = new AbortController();
    const seen: number[] = [];
    const stream = streamRun(testDb.db, runtime.bus, runId, "0", controller.signal);
    const first = await stream.next();
    seen.push(Number(trackedId(first.value)));
    await decide(runId, "sign", approvers[0]!, "approve");
    const second = await stream.next();
    seen.push(Number(trackedId(second.value)));
    controller.abort();
    await stream.return(undefined);

    const resumed = streamRun(testDb.db, runtime.bus, runId, String(seen[0]), new AbortController().signal);
    const next = await resumed.next();
    await resumed.return(undefined);
    expect(seen).toEqual([1, 2]);
    expect(trackedId(next.value)).toBe("2");
  });

  it("resumes a waiting run in a new runtime after a restart, and it can still be decided", async () => {
    const runId = await start(waiting(), { n: 1 });
    const restarted = createTestRuntime(testDb).runtime;
    expect(await restarted.recover()).toContain(runId);
    const request = await testDb.db.approval.findFirstOrThrow({ where: { runId, status: "pending" } });
    await decideApproval(testDb.db, restarted, approvers[0]!, { approvalId: request.id, decision: "approve" });
    await restarted.settled(runId);
    const finished = await run(runId);
    expect(finished.endNode).toBe("yes");
    expect(verifyLedger(finished.events).ok).toBe(true);
  });
});

describe("secrets", () => {
  it("never stores a secret's value: the ledger and the invocation keep the reference only", async () => {
    const secret = "s3cr3t-token-value-9876";
    const { runtime: withSecret } = createTestRuntime(testDb, {
      secrets: { FLAKY_TOKEN: secret },
      httpAllowlist: [new URL(flakyUrl).host],
    });
    const graph = buildGraph(
      "secret-header",
      [
        { id: "start", type: "start" },
        {
          id: "call",
          type: "task",
          config: { connector: "http", input: { url: `"${flakyUrl}"`, method: '"POST"', headers: '{"authorization": "Bearer {{secret.FLAKY_TOKEN}}"}', body: '{"echo": "{{secret.FLAKY_TOKEN}}"}' } },
        },
        end("done"),
        end("broken", "failed"),
      ],
      [
        ["start", "next", "call"],
        ["call", "success", "done"],
        ["call", "error", "broken"],
      ],
    );
    await testDb.db.workflow.create({ data: { id: graph.id, name: graph.name, draftGraph: "{}" } });
    const { runId } = await withSecret.startRun({ workflowId: graph.id, versionId: null, graph, input: {}, shadow: false, startedById: null });
    await withSecret.settled(runId);
    const stored = JSON.stringify([
      await testDb.db.runEvent.findMany({ where: { runId } }),
      await testDb.db.toolInvocation.findMany({ where: { runId } }),
      await testDb.db.run.findUniqueOrThrow({ where: { id: runId } }),
    ]);
    expect(stored).toContain("{{secret.FLAKY_TOKEN}}");
    expect(stored).not.toContain(secret);
  });
});

describe("compensation", () => {
  const saga = () =>
    buildGraph(
      "saga",
      [
        { id: "start", type: "start" },
        { id: "pay", type: "task", config: { connector: "payment.schedule", input: { vendor: '"Acme"', amount: "120" }, compensation: "reverse" } },
        approval("confirm"),
        end("done"),
        end("refused", "failed"),
        {
          id: "reverse",
          type: "task",
          config: { connector: "notify", input: { title: '"Reverse payment"', message: '"Reverse payment " + steps.pay.output.paymentId', roles: '["admin"]' } },
        },
      ],
      [
        ["start", "next", "pay"],
        ["pay", "success", "confirm"],
        ["pay", "error", "refused"],
        ["confirm", "approve", "done"],
        ["confirm", "reject", "refused"],
      ],
    );

  async function compensated(runId: string) {
    for (let i = 0; i < 200; i++) {
      const rows = await testDb.db.runEvent.findMany({ where: { runId, type: { startsWith: "COMPENSATION." } } });
      if (rows.length > 0) return rows;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return [];
  }

  it("accepts a compensation step outside the flow", () => {
    expect(saga().nodes.map((node) => node.id)).toContain("reverse");
  });

  it("runs the compensation of completed side effects when a run ends failed, once", async () => {
    const runId = await start(saga());
    await decide(runId, "confirm", approvers[0]!, "reject", "Wrong vendor.");
    const rows = await compensated(runId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: "COMPENSATION.DONE", actor: "connector:notify" });
    const payment = JSON.parse((await testDb.db.toolInvocation.findFirstOrThrow({ where: { runId, connector: "payment.schedule" } })).response!) as { paymentId: string };
    expect(await testDb.db.notification.count({ where: { body: { contains: `Reverse payment ${payment.paymentId}` } } })).toBe(1);
    expect(await runtime.compensate(runId)).toBe(0);
    expect(verifyLedger(await testDb.db.runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" } })).ok).toBe(true);
  });

  it("runs it when a person cancels the run", async () => {
    const runId = await start(saga());
    await runtime.cancel(runId, "user:test", "Duplicate order");
    expect(await compensated(runId)).toHaveLength(1);
  });
});
