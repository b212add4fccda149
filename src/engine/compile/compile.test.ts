import { createActor, fromPromise, waitFor, type AnyActorLogic } from "xstate";
import { describe, expect, it } from "vitest";

import { nodeTypes, outcomesOf } from "../graph/node-types";
import type { GraphInput } from "../graph/schema";
import { runGuardrail } from "../guardrails/run-guardrail";
import { decideWithTable } from "../rules/decide";
import { DecisionTableSchema } from "../rules/table";
import { buildGraph, end, task } from "../testing/fixtures";
import { validateGraph } from "../validate/validate-graph";
import { compile } from "./compile";
import { activeNodeIds, pendingTimers } from "./trace";
import type { FlowgateEvent, RunContext, StepActorInput } from "./types";

type NodeInput = GraphInput["nodes"][number];

/** start → node → one end per outcome (`out_<outcome>`). */
function graphAround(node: NodeInput) {
  const config: unknown = nodeTypes[node.type].configSchema.parse(node.config);
  const outcomes = outcomesOf({ type: node.type, config });
  return buildGraph(
    [node, ...outcomes.map((outcome) => end(`out_${outcome}`))],
    [["start", "next", node.id], ...outcomes.map((outcome): [string, string, string] => [node.id, outcome, `out_${outcome}`])],
  );
}

type Stubs = Record<string, (input: StepActorInput) => Promise<unknown>>;

async function run(graph: GraphInput, options: { stubs?: Stubs; input?: Record<string, unknown>; events?: FlowgateEvent[] } = {}) {
  const result = validateGraph(graph);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const { machine } = compile(result.graph);
  const actors: Record<string, AnyActorLogic> = {};
  for (const [key, stub] of Object.entries(options.stubs ?? {})) actors[key] = fromPromise(({ input }: { input: StepActorInput }) => stub(input));
  const actor = createActor(machine.provide({ actors }), { input: options.input ?? { amount: 1200.5, text: "hello" } });
  actor.start();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  await settle();
  for (const event of options.events ?? []) {
    actor.send(event);
    await settle();
  }
  const snapshot = await waitFor(actor, (state) => state.status === "done", { timeout: 1000 });
  return snapshot.context as RunContext;
}

const endedAt = async (...args: Parameters<typeof run>) => (await run(...args)).result?.endNode;

describe("compiled machines run in XState", () => {
  it("start and end: the run finishes with the end node's outcome", async () => {
    const context = await run(buildGraph([end("bye", "cancelled")], [["start", "next", "bye"]]), { input: { amount: 1, text: "" } });
    expect(context.result).toEqual({ outcome: "cancelled", endNode: "bye" });
    expect(context.input).toEqual({ amount: 1, text: "" });
  });

  it("task: success stores the output; error stores the message", async () => {
    const graph = graphAround(task("work"));
    const seen: StepActorInput[] = [];
    const ok = await run(graph, { stubs: { task: async (input) => (seen.push(input), { output: { doubled: (input.resolved.input as { value: number }).value * 2 } }) } });
    expect(ok.result?.endNode).toBe("out_success");
    expect(ok.steps.work).toEqual({ outcome: "success", output: { doubled: 2401 } });
    expect(seen[0]).toMatchObject({ nodeId: "work", nodeType: "task", resolved: { input: { value: 1200.5 } } });
    const failed = await run(graph, { stubs: { task: async () => Promise.reject(new Error("connector down")) } });
    expect(failed.result?.endNode).toBe("out_error");
    expect(failed.steps.work?.error?.message).toBe("connector down");
  });

  it("llm: success, error and fallback; prompts are rendered", async () => {
    const graph = graphAround({ id: "ask", type: "llm", config: { userPrompt: "Amount {{ input.amount }}", fallback: true } });
    let prompt = "";
    expect(await endedAt(graph, { stubs: { llm: async (input) => ((prompt = String(input.resolved.userPrompt)), { output: { answer: 1 } }) } })).toBe("out_success");
    expect(prompt).toBe("Amount 1200.5");
    expect(await endedAt(graph, { stubs: { llm: async () => Promise.reject(new Error("rate limited")) } })).toBe("out_error");
    expect(await endedAt(graph, { stubs: { llm: async () => ({ outcome: "fallback" }) } })).toBe("out_fallback");
  });

  it("decision (inline): the first rule that holds picks the outcome, else the default", async () => {
    const graph = graphAround({
      id: "size",
      type: "decision",
      config: {
        source: "inline",
        outcomes: ["big", "medium", "small"],
        rules: [
          { when: "input.amount > 1000", outcome: "big" },
          { when: "input.amount > 100", outcome: "medium" },
        ],
        defaultOutcome: "small",
      },
    });
    expect(await endedAt(graph, { input: { amount: 1200, text: "" } })).toBe("out_big");
    expect(await endedAt(graph, { input: { amount: 500.5, text: "" } })).toBe("out_medium");
    expect(await endedAt(graph, { input: { amount: 5, text: "" } })).toBe("out_small");
  });

  it("decision (table): the decision actor picks the outcome column", async () => {
    const node: NodeInput = {
      id: "routeIt",
      type: "decision",
      config: { source: "table", table: { id: "routing", version: 3 }, inputs: { amount: "input.amount" }, outcomeColumn: "team", outcomes: ["finance", "ops"], defaultOutcome: "ops" },
    };
    const table = DecisionTableSchema.parse({
      id: "routing",
      hitPolicy: "FIRST",
      inputs: [{ name: "amount", type: "number" }],
      outputs: [{ name: "team", type: "string" }],
      rules: [{ when: ["> 1000"], then: ["finance"] }],
    });
    const decision = async (input: StepActorInput) => decideWithTable(input.config as never, table, input.resolved.inputs as Record<string, unknown>);
    const graph = graphAround(node);
    expect(await endedAt(graph, { stubs: { decision }, input: { amount: 5000, text: "" } })).toBe("out_finance");
    expect(await endedAt(graph, { stubs: { decision }, input: { amount: 50, text: "" } })).toBe("out_ops");
  });

  it("guardrail: pass and block, with the reason", async () => {
    const graph = graphAround({
      id: "guard",
      type: "guardrail",
      config: { checks: [{ kind: "content", text: "input.text", pii: ["email"], blockedTerms: ["secret"] }, { kind: "budget", amount: "input.amount", limit: 2000 }] },
    });
    const guardrail = async (input: StepActorInput) => runGuardrail(input.config as never, input.resolved.values as unknown[], { spent: { run: 0 } });
    expect(await endedAt(graph, { stubs: { guardrail }, input: { amount: 100, text: "fine" } })).toBe("out_pass");
    const blocked = await run(graph, { stubs: { guardrail }, input: { amount: 100, text: "mail a@b.com" } });
    expect(blocked.result?.endNode).toBe("out_block");
    expect(blocked.steps.guard?.output).toMatchObject({ blockedBy: { kind: "content" } });
    expect(await endedAt(graph, { stubs: { guardrail }, input: { amount: 5000, text: "fine" } })).toBe("out_block");
    expect(await endedAt(graph, { stubs: { guardrail: async () => Promise.reject(new Error("down")) } })).toBe("out_block");
  });

  describe("approval", () => {
    const graph = graphAround({ id: "ok", type: "approval", config: { summary: "Pay {{ input.amount }}?", assignees: { roles: ["approver"] }, quorum: 2, deadline: "PT1H" } });
    const decided = (decision: "approve" | "reject" | "changes", by: string): FlowgateEvent => ({ type: "APPROVAL.DECIDED", nodeId: "ok", decision, by });

    it("approve needs the quorum of distinct approvers", async () => {
      const context = await run(graph, { events: [decided("approve", "ann"), decided("approve", "ann"), decided("approve", "bob")] });
      expect(context.result?.endNode).toBe("out_approve");
      expect((context.steps.ok?.output as { votes: unknown[] }).votes).toHaveLength(3);
    });

    it("reject, changes and timeout decide at once", async () => {
      expect(await endedAt(graph, { events: [decided("approve", "ann"), decided("reject", "bob")] })).toBe("out_reject");
      expect(await endedAt(graph, { events: [decided("changes", "bob")] })).toBe("out_changes");
      expect(await endedAt(graph, { events: [{ type: "TIMER.FIRED", timerId: "other" }, { type: "TIMER.FIRED", timerId: "ok.deadline" }] })).toBe("out_timeout");
    });
  });

  describe("wait", () => {
    it("duration and until: done when the timer fires; timers are visible", async () => {
      const graph = graphAround({ id: "pause", type: "wait", config: { mode: "duration", duration: "PT5M" } });
      const result = validateGraph(graph);
      if (!result.ok) throw new Error("invalid");
      const actor = createActor(compile(result.graph).machine, { input: { amount: 1, text: "" } }).start();
      expect(activeNodeIds(actor.getSnapshot())).toEqual(["pause"]);
      expect(pendingTimers(actor.getSnapshot())).toEqual([{ timerId: "pause.wait", nodeId: "pause", delayMs: 300_000 }]);
      actor.send({ type: "TIMER.FIRED", timerId: "pause.wait" });
      expect(actor.getSnapshot().context.result?.endNode).toBe("out_done");
      const until = graphAround({ id: "later", type: "wait", config: { mode: "until", until: "input.text" } });
      const untilResult = validateGraph(until);
      if (!untilResult.ok) throw new Error("invalid");
      const untilActor = createActor(compile(untilResult.graph).machine, { input: { amount: 1, text: "2030-01-01T00:00:00Z" } }).start();
      expect(pendingTimers(untilActor.getSnapshot())).toEqual([{ timerId: "later.wait", nodeId: "later", at: "2030-01-01T00:00:00.000Z" }]);
    });

    it("signal: done with the payload, or timeout", async () => {
      const graph = graphAround({ id: "hold", type: "wait", config: { mode: "signal", signal: "ticket.accepted", timeout: "PT15M" } });
      const done = await run(graph, { events: [{ type: "SIGNAL", name: "other" }, { type: "SIGNAL", name: "ticket.accepted", payload: { by: "ann" } }] });
      expect(done.result?.endNode).toBe("out_done");
      expect(done.steps.hold).toEqual({ outcome: "done", output: { by: "ann" } });
      expect(await endedAt(graph, { events: [{ type: "TIMER.FIRED", timerId: "hold.timeout" }] })).toBe("out_timeout");
    });
  });

  describe("escalation", () => {
    const triggers = { confidenceBelow: 0.7, keywords: ["legal"], errorCount: 2, timeExceeded: "PT30M" };
    const graph = graphAround({
      id: "esc",
      type: "escalation",
      config: {
        subject: "input.text",
        amount: "input.amount",
        tiers: [
          { id: "bot", handler: "auto", triggers },
          { id: "agent", handler: "human", assignees: { roles: ["l1"] }, triggers: { ...triggers, amountAbove: 10_000 } },
          { id: "expert", handler: "human", assignees: { roles: ["l2"] } },
        ],
      },
    });
    const result = (tier: string, resolved: boolean, extra: object = {}): FlowgateEvent => ({ type: "ESCALATION.RESULT", nodeId: "esc", tier, resolved, ...extra });

    it("the first tier resolves", async () => {
      expect(await endedAt(graph, { stubs: { escalation: async () => ({ resolved: true, confidence: 0.9 }) } })).toBe("out_bot");
    });

    it("low confidence escalates, and the next tier sees the history", async () => {
      const context = await run(graph, {
        stubs: { escalation: async () => ({ resolved: true, confidence: 0.4, text: "maybe" }) },
        events: [result("agent", true, { by: "ann" })],
      });
      expect(context.result?.endNode).toBe("out_agent");
      const history = (context.steps.esc?.output as { history: { tier: string; escalated?: string }[] }).history;
      expect(history.map((entry) => [entry.tier, entry.escalated])).toEqual([
        ["bot", "confidence 0.4 below 0.7"],
        ["agent", undefined],
      ]);
    });

    it("keywords skip a tier on entry; amount above escalates too", async () => {
      const context = await run(graph, { input: { amount: 1, text: "Legal threat" }, events: [result("expert", true)] });
      expect(context.result?.endNode).toBe("out_expert");
      const big = await run(graph, { input: { amount: 50_000, text: "hi" }, stubs: { escalation: async () => ({ resolved: false }) }, events: [result("expert", true)] });
      expect(big.result?.endNode).toBe("out_expert");
    });

    it("errors and time escalate; the last tier gives up as unresolved", async () => {
      const context = await run(graph, {
        stubs: { escalation: async () => ({ resolved: true, confidence: 0.95 }) },
        input: { amount: 1, text: "hi" },
      });
      expect(context.result?.endNode).toBe("out_bot");
      const errors = await run(graph, {
        stubs: { escalation: async () => Promise.reject(new Error("bot crashed")) },
        events: [{ type: "TIMER.FIRED", timerId: "esc.agent.timeout" }, result("expert", false)],
      });
      expect(errors.result?.endNode).toBe("out_unresolved");
      const history = (errors.steps.esc?.output as { history: { tier: string; escalated?: string }[] }).history;
      expect(history.map((entry) => entry.escalated ?? null)).toEqual([null, "2 errors", "time exceeded PT30M", null]);
    });
  });

  describe("parallel and join", () => {
    const forkGraph = (join: object, extra: NodeInput[] = []) =>
      buildGraph(
        [
          { id: "fork", type: "parallel", config: { branches: [{ id: "a" }, { id: "b" }, { id: "c" }] } },
          task("ta", "a"),
          task("tb", "b"),
          task("tc", "c"),
          { id: "join", type: "join", config: join },
          end("out_done"),
          end("out_failed", "failed"),
          ...extra,
        ],
        [
          ["start", "next", "fork"],
          ["fork", "a", "ta"],
          ["fork", "b", "tb"],
          ["fork", "c", "tc"],
          ...["ta", "tb", "tc"].flatMap((id): [string, string, string][] => [
            [id, "success", "join"],
            [id, "error", "join"],
          ]),
          ["join", "done", "out_done"],
          ["join", "failed", "out_failed"],
        ],
      );
    const failing = (names: string[]) => ({
      task: async (input: StepActorInput) => {
        if (names.includes((input.config as { connector: string }).connector)) throw new Error("no");
        return { output: input.nodeId };
      },
    });

    it("all: done when every branch finished, tolerating failures as configured", async () => {
      const context = await run(forkGraph({ mode: "all", tolerateFailures: 1 }), { stubs: failing(["b"]) });
      expect(context.result?.endNode).toBe("out_done");
      expect(context.steps.join?.output).toEqual({ branches: { a: "succeeded", b: "failed", c: "succeeded" } });
      expect(context.forks).toEqual({});
      expect(await endedAt(forkGraph({ mode: "all", tolerateFailures: 1 }), { stubs: failing(["a", "c"]) })).toBe("out_failed");
    });

    it("any and n_of_m: proceed early or fail when success is impossible", async () => {
      expect(await endedAt(forkGraph({ mode: "any" }), { stubs: failing(["a", "b"]) })).toBe("out_done");
      expect(await endedAt(forkGraph({ mode: "any" }), { stubs: failing(["a", "b", "c"]) })).toBe("out_failed");
      expect(await endedAt(forkGraph({ mode: "n_of_m", n: 2 }), { stubs: failing(["c"]) })).toBe("out_done");
      expect(await endedAt(forkGraph({ mode: "n_of_m", n: 2 }), { stubs: failing(["a", "b"]) })).toBe("out_failed");
    });
  });

  it("edge conditions pick among edges of one outcome; the default catches the rest", async () => {
    const graph = buildGraph(
      [task("work"), end("big"), end("small"), end("failed", "failed")],
      [
        ["start", "next", "work"],
        ["work", "success", "big", { condition: "steps.work.output.total > 1000" }],
        ["work", "success", "small", { default: true }],
        ["work", "error", "failed"],
      ],
    );
    expect(await endedAt(graph, { stubs: { task: async () => ({ output: { total: 1000.5 } }) } })).toBe("big");
    expect(await endedAt(graph, { stubs: { task: async () => ({ output: { total: 3 } }) } })).toBe("small");
  });

  it("maps every state id to a node, and the JSON config is deterministic and plain", () => {
    const graph = graphAround(task("work"));
    const first = validateGraph(graph);
    if (!first.ok) throw new Error("invalid");
    const compiled = compile(first.graph);
    expect(compiled.stateToNode).toMatchObject({ work: "work", "test.work.running": "work", "test.work.route": "work", start: "start" });
    expect(JSON.stringify(compile(first.graph).config)).toBe(JSON.stringify(compiled.config));
    expect(JSON.parse(JSON.stringify(compiled.config))).toEqual(compiled.config);
  });
});
