import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { NodeType } from "~/engine";
import { describeRow, movementOf, type NodeLookup } from "./describe-event";
import { mergeRows, overlayOf, stepEndOf, traceAt, type TraceGraph, type TraceRow } from "./trace";

const invoice = JSON.parse(readFileSync(new URL("../../../examples/invoice-approval.json", import.meta.url), "utf8")) as {
  nodes: { id: string; type: NodeType; label: string }[];
  edges: TraceGraph["edges"];
};

type Row = TraceRow & { actor: string };
const row = (seq: number, type: string, fromNodes: string[], toNodes: string[], path: string[], event: unknown = {}, actor = "system"): Row => ({
  seq,
  type,
  actor,
  fromNodes,
  toNodes,
  payload: { event, path },
});

/** The ledger of an over-threshold invoice that was approved and paid (as the runtime writes it). */
const paidRun: Row[] = [
  row(1, "xstate.init", [], ["lookupPo"], ["lookupPo"]),
  row(2, "xstate.done.actor.lookupPo", ["lookupPo"], ["computeVariance"], ["computeVariance"], { output: { output: { amount: 9800 } } }, "connector:purchaseOrder.lookup"),
  row(3, "xstate.done.actor.computeVariance", ["computeVariance"], ["review"], ["checkVariance", "review"], { output: { output: {} } }),
  row(4, "APPROVAL.DECIDED", ["review"], ["highAmount"], ["highAmount"], { nodeId: "review", decision: "approve", by: "u1" }, "user:u1"),
  row(5, "xstate.done.actor.highAmount", ["highAmount"], ["schedulePayment"], ["schedulePayment"], { output: { outcome: "pass", output: {} } }, "guardrail"),
  row(6, "xstate.done.actor.schedulePayment", ["schedulePayment"], ["paid"], ["paid"], { output: { output: {} } }),
];

describe("traceAt", () => {
  it("follows a finished run: every node and edge of the path, nothing active after the end", () => {
    const state = traceAt(invoice, paidRun);
    expect(state).toEqual({
      seq: 6,
      active: [],
      visited: ["start", "lookupPo", "computeVariance", "checkVariance", "review", "highAmount", "schedulePayment", "paid"],
      failed: [],
      taken: ["e1", "e2", "e4", "e7", "e10", "e13", "e18"],
    });
  });

  it("gives the state as of a seq, for the scrubber", () => {
    const atApproval = traceAt(invoice, paidRun, { uptoSeq: 3 });
    expect(atApproval.active).toEqual(["review"]);
    expect(atApproval.visited).toEqual(["start", "lookupPo", "computeVariance", "checkVariance", "review"]);
    expect(atApproval.taken).toEqual(["e1", "e2", "e4", "e7"]);
    expect(traceAt(invoice, paidRun, { uptoSeq: 1 })).toMatchObject({ seq: 1, active: ["lookupPo"], visited: ["start", "lookupPo"], taken: ["e1"] });
    expect(traceAt(invoice, paidRun, { uptoSeq: 0 })).toEqual({ seq: 0, active: [], visited: [], failed: [], taken: [] });
  });

  it("marks steps that ended with a failure outcome, and picks the edge of the outcome taken", () => {
    const rows = [
      ...paidRun.slice(0, 3),
      row(4, "APPROVAL.DECIDED", ["review"], ["rejected"], ["rejected"], { nodeId: "review", decision: "reject" }, "user:u1"),
    ];
    const state = traceAt(invoice, rows);
    expect(state.failed).toEqual(["review"]);
    expect(state.taken).toContain("e11");
    expect(state.active).toEqual([]);

    const lookupFailed = [paidRun[0]!, row(2, "xstate.error.actor.lookupPo", ["lookupPo"], ["failed"], ["failed"], { error: "boom" })];
    expect(traceAt(invoice, lookupFailed)).toMatchObject({ failed: ["lookupPo"], taken: ["e1", "e3"] });

    const timedOut = [...paidRun.slice(0, 3), row(4, "TIMER.FIRED", ["review"], ["notifyTimeout"], ["notifyTimeout"], { timerId: "review.deadline" })];
    expect(traceAt(invoice, timedOut)).toMatchObject({ failed: ["review"], active: ["notifyTimeout"] });
    expect(traceAt(invoice, timedOut).taken).toContain("e12");
  });

  it("adds failures only the run context names, and only at the last row", () => {
    const steps = { highAmount: { outcome: "block" } };
    expect(traceAt(invoice, paidRun, { finalSteps: steps }).failed).toEqual(["highAmount"]);
    expect(traceAt(invoice, paidRun, { uptoSeq: 4, finalSteps: steps }).failed).toEqual([]);
  });

  it("counts the nodes a cancelled or failed run stood at", () => {
    const cancelled = [...paidRun.slice(0, 3), row(4, "RUN.FAILED", ["review"], [], [], {})];
    expect(traceAt(invoice, cancelled)).toMatchObject({ active: [], failed: ["review"] });
  });
});

describe("overlayOf", () => {
  it("draws active over failed over visited, and the taken edges", () => {
    const overlay = overlayOf({ seq: 3, active: ["b"], visited: ["a", "b", "c"], failed: ["c", "b"], taken: ["e1"] });
    expect(overlay).toEqual({ nodes: { a: "visited", b: "active", c: "failed" }, edges: { e1: "taken" } });
  });
});

describe("mergeRows", () => {
  it("keeps rows in seq order without duplicates, whatever overlaps", () => {
    const merged = mergeRows(paidRun.slice(0, 4), [paidRun[5]!, paidRun[3]!, paidRun[4]!, paidRun[2]!]);
    expect(merged.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(merged[3]).toBe(paidRun[3]);
  });

  it("returns the same list when nothing is new, so React can skip a render", () => {
    const current = paidRun.slice(0, 3);
    expect(mergeRows(current, [paidRun[1]!])).toBe(current);
  });
});

describe("stepEndOf", () => {
  it("reads step ends from actor events, decisions and timers", () => {
    expect(stepEndOf(paidRun[4]!)).toEqual({ nodeId: "highAmount", outcome: "pass" });
    expect(stepEndOf(paidRun[1]!)).toEqual({ nodeId: "lookupPo", outcome: "success" });
    expect(stepEndOf(paidRun[3]!)).toEqual({ nodeId: "review", outcome: "approve" });
    expect(stepEndOf(row(9, "xstate.done.actor.support.l1", [], [], [], { output: {} }))).toEqual({ nodeId: "support", outcome: "success" });
    expect(stepEndOf(row(9, "TIMER.FIRED", [], [], [], { timerId: "wait1.wait" }))).toBeNull();
    expect(stepEndOf(paidRun[0]!)).toBeNull();
  });
});

describe("describeRow", () => {
  const nodes: NodeLookup = new Map(invoice.nodes.map((node) => [node.id, { label: node.label, type: node.type }]));
  const nameOf = (id: string) => (id === "u1" ? "Alex Approver" : "someone");

  it("says what happened in plain words", () => {
    expect(paidRun.map((r) => describeRow(r, nodes, nameOf))).toEqual([
      "Run started",
      "Step finished: Look up purchase order",
      "Step finished: Compute variance",
      "Approval decided by Alex Approver: approved",
      "Guardrail passed: Second approver above 10,000",
      "Step finished: Schedule payment",
    ]);
    expect(describeRow(row(7, "TIMER.FIRED", [], [], [], { timerId: "review.deadline" }), nodes, nameOf)).toBe("Timer fired: review.deadline");
    expect(describeRow(row(7, "xstate.error.actor.lookupPo", [], [], []), nodes, nameOf)).toBe("Step failed: Look up purchase order");
  });

  it("names where a transition went", () => {
    expect(movementOf(paidRun[2]!, nodes)).toBe("Compute variance → Approver reviews invoice");
    expect(movementOf(paidRun[0]!, nodes)).toBe("— → Look up purchase order");
  });
});
