import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDraft, toFlow, toGraph } from "./graph-adapter";
import type { DraftGraph } from "./types";

const EXAMPLES = ["invoice-approval", "ticket-triage", "tiered-support-escalation", "parallel-research"];

function example(name: string): DraftGraph {
  const read = readDraft(JSON.parse(readFileSync(`examples/${name}.json`, "utf8")));
  if (!read.ok) throw new Error(read.reason);
  return read.graph;
}

describe("graph adapter", () => {
  it.each(EXAMPLES)("round-trips %s without losing a field", (name) => {
    const graph = example(name);
    const { meta, nodes, edges } = toFlow(graph);
    expect(toGraph(meta, nodes, edges)).toEqual(graph);
  });

  it("keeps unknown fields of the graph, its nodes and its edges", () => {
    const graph: DraftGraph = {
      schemaVersion: 1,
      id: "x",
      name: "X",
      metadata: { owner: "ops" },
      extra: [1, 2],
      nodes: [{ id: "start", type: "start", label: "S", description: "d", position: { x: 1, y: 2 }, config: {}, custom: { a: 1 } }],
      edges: [{ id: "e1", source: "start", sourceHandle: "next", target: "start", condition: "true", label: "l", note: "kept" }],
    };
    const { meta, nodes, edges } = toFlow(graph);
    expect(toGraph(meta, nodes, edges)).toEqual(graph);
  });

  it("takes ids and positions from the canvas", () => {
    const graph = example("invoice-approval");
    const { meta, nodes, edges } = toFlow(graph);
    const moved = nodes.map((node, index) => (index === 0 ? { ...node, position: { x: 99, y: 7 } } : node));
    expect(toGraph(meta, moved, edges).nodes[0]?.position).toEqual({ x: 99, y: 7 });
  });

  it("reuses canvas objects for unchanged nodes (React Flow skips re-rendering them)", () => {
    const graph = example("ticket-triage");
    const first = toFlow(graph);
    const back = toGraph(first.meta, first.nodes, first.edges);
    const second = toFlow(back);
    expect(second.nodes[0]).toBe(first.nodes[0]);
    expect(second.edges[0]).toBe(first.edges[0]);
  });

  it("refuses documents the canvas cannot show", () => {
    expect(readDraft("x").ok).toBe(false);
    expect(readDraft({ nodes: "no" }).ok).toBe(false);
    expect(readDraft({ nodes: [{ id: "a", type: "teleport" }] })).toEqual({ ok: false, reason: "Node 1 lacks an id or a known type." });
    expect(readDraft({ nodes: [], edges: [{ id: "e" }] }).ok).toBe(false);
    expect(readDraft({ nodes: [] })).toEqual({ ok: true, graph: { nodes: [], edges: [] } });
  });
});

describe("fallback positions", () => {
  it("places position-less nodes in layers from the start, leaving placed ones alone", () => {
    const graph: DraftGraph = {
      nodes: [
        { id: "start", type: "start", config: {} },
        { id: "a", type: "task", config: {} },
        { id: "b", type: "task", config: {} },
        { id: "kept", type: "end", position: { x: 5, y: 5 }, config: {} },
        { id: "lost", type: "end", config: {} },
      ],
      edges: [
        { id: "e1", source: "start", sourceHandle: "next", target: "a" },
        { id: "e2", source: "start", sourceHandle: "next", target: "b" },
      ],
    };
    const positions = new Map(toFlow(graph).nodes.map((node) => [node.id, node.position]));
    expect(positions.get("start")).toEqual({ x: 0, y: 0 });
    expect(positions.get("a")?.x).toBe(positions.get("b")?.x);
    expect(positions.get("a")?.y).not.toBe(positions.get("b")?.y);
    expect(positions.get("kept")).toEqual({ x: 5, y: 5 });
    expect((positions.get("lost")?.x ?? 0) > (positions.get("a")?.x ?? 0)).toBe(true);
  });
});
