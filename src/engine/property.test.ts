import fc from "fast-check";
import { createActor } from "xstate";
import { describe, expect, it } from "vitest";

import { compile } from "./compile/compile";
import { generateGraph } from "./testing/generate-graph";
import { validateGraph } from "./validate/validate-graph";

type Mutable = { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };

/** Random edits that may or may not break a valid graph. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("dropEdge" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("dropNode" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("retarget" as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant("rehandle" as const), at: fc.nat(), handle: fc.constantFrom("success", "error", "done", "x", "a", "pass") }),
  fc.record({ kind: fc.constant("condition" as const), at: fc.nat(), source: fc.constantFrom("input.amount > 1", "input.nope", "1 +", "steps.n0.outcome == 'low'", "true") }),
  fc.record({ kind: fc.constant("config" as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
);

function apply(graph: Mutable, edit: Parameters<typeof applyOne>[1][]): Mutable {
  for (const change of edit) applyOne(graph, change);
  return graph;
}

function applyOne(graph: Mutable, change: { kind: string; at: number; to?: number; handle?: string; source?: string; value?: unknown }): void {
  const edge = graph.edges[change.at % Math.max(1, graph.edges.length)];
  const node = graph.nodes[change.at % Math.max(1, graph.nodes.length)];
  switch (change.kind) {
    case "dropEdge":
      graph.edges.splice(change.at % Math.max(1, graph.edges.length), 1);
      break;
    case "dropNode":
      graph.nodes.splice(change.at % Math.max(1, graph.nodes.length), 1);
      break;
    case "retarget":
      if (edge) edge.target = graph.nodes[(change.to ?? 0) % graph.nodes.length]?.id;
      break;
    case "rehandle":
      if (edge) edge.sourceHandle = change.handle;
      break;
    case "condition":
      if (edge) edge.condition = change.source;
      break;
    case "config":
      if (node) node.config = change.value;
      break;
  }
}

function compilesAndStarts(graph: unknown): void {
  const result = validateGraph(graph);
  if (!result.ok) {
    expect(result.problems.some((problem) => problem.severity === "error")).toBe(true);
    return;
  }
  const { machine } = compile(result.graph);
  const actor = createActor(machine, { input: { amount: 5, text: "t" } });
  actor.subscribe({ error: () => undefined });
  actor.start();
  expect(["active", "done", "error"]).toContain(actor.getSnapshot().status);
  actor.stop();
}

describe("property: the validator never throws; accepted graphs compile and start", () => {
  it("arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(() => validateGraph(value)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it("graph-shaped garbage", () => {
    const node = fc.record({ id: fc.string({ maxLength: 6 }), type: fc.constantFrom("start", "end", "task", "join", "parallel", "wait", "x"), config: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] });
    const edge = fc.record({ id: fc.string({ maxLength: 4 }), source: fc.string({ maxLength: 4 }), sourceHandle: fc.string({ maxLength: 6 }), target: fc.string({ maxLength: 4 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.record({ schemaVersion: fc.constantFrom(1, 2), id: fc.constant("g"), name: fc.constant("G"), nodes: fc.array(node, { maxLength: 12 }), edges: fc.array(edge, { maxLength: 12 }) }), (graph) => {
        expect(() => compilesAndStarts(graph)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it("generated valid graphs, and the same graphs randomly broken", () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 60 }), fc.integer(), fc.array(mutation, { maxLength: 3 }), (size, seed, edits) => {
        const graph = generateGraph(size, seed) as unknown as Mutable;
        if (edits.length === 0) expect(validateGraph(graph).ok).toBe(true);
        compilesAndStarts(apply(graph, edits));
      }),
      { numRuns: 1000 },
    );
  });
});
