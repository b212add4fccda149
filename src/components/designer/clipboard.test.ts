import { describe, expect, it } from "vitest";
import { copyFragment, PASTE_OFFSET, pasteFragment } from "./clipboard";
import type { DraftGraph } from "./types";

const graph: DraftGraph = {
  schemaVersion: 1,
  id: "g",
  name: "G",
  nodes: [
    { id: "start", type: "start", position: { x: 0, y: 0 }, config: {} },
    { id: "task", type: "task", position: { x: 100, y: 0 }, config: { connector: "transform" } },
    { id: "review", type: "approval", position: { x: 200, y: 0 }, config: {} },
    { id: "done", type: "end", position: { x: 300, y: 0 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "start", sourceHandle: "next", target: "task" },
    { id: "e2", source: "task", sourceHandle: "success", target: "review", condition: "true" },
    { id: "e3", source: "review", sourceHandle: "approve", target: "done" },
  ],
};

describe("clipboard", () => {
  it("copies the selected nodes and only the edges between them", () => {
    const fragment = copyFragment(graph, new Set(["task", "review"]));
    expect(fragment.nodes.map((node) => node.id)).toEqual(["task", "review"]);
    expect(fragment.edges.map((edge) => edge.id)).toEqual(["e2"]);
  });

  it("pastes with fresh ids, remapped edges and an offset", () => {
    const pasted = pasteFragment(copyFragment(graph, new Set(["task", "review"])), graph);
    expect(pasted.nodes.map((node) => node.id)).toEqual(["task2", "review2"]);
    expect(pasted.nodes[0]?.position).toEqual({ x: 100 + PASTE_OFFSET, y: PASTE_OFFSET });
    expect(pasted.nodes[0]?.config).toEqual({ connector: "transform" });
    expect(pasted.edges).toEqual([{ id: "e4", source: "task2", sourceHandle: "success", target: "review2", condition: "true" }]);
  });

  it("pasting twice never reuses an id", () => {
    const fragment = copyFragment(graph, new Set(["task"]));
    const first = pasteFragment(fragment, graph);
    const second = pasteFragment(first, { ...graph, nodes: [...graph.nodes, ...first.nodes] });
    expect(second.nodes[0]?.id).toBe("task3");
  });
});
