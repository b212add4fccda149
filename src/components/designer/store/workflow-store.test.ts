import { describe, expect, it } from "vitest";
import type { DraftGraph } from "../types";
import { createWorkflowStore } from "./workflow-store";

function starter(): DraftGraph {
  return {
    schemaVersion: 1,
    id: "flow",
    name: "Flow",
    metadata: {},
    nodes: [
      { id: "start", type: "start", label: "Start", position: { x: 0, y: 0 }, config: { inputFields: [], triggers: ["manual"] } },
      { id: "done", type: "end", label: "Done", position: { x: 320, y: 0 }, config: { outcome: "completed" } },
    ],
    edges: [{ id: "e-start-done", source: "start", sourceHandle: "next", target: "done" }],
  };
}

describe("workflow store", () => {
  it("adds, connects, renames and deletes in undoable steps", () => {
    const store = createWorkflowStore(starter());
    const { actions } = store.getState();
    const id = actions.addNode("task", { x: 100, y: 100 });
    expect(id).toBe("task");
    expect(store.getState().selection.nodeIds).toEqual(["task"]);
    actions.connect({ source: "task", sourceHandle: "success", target: "done", targetHandle: null });
    expect(store.getState().history.present.edges.at(-1)).toEqual({ id: "e1", source: "task", sourceHandle: "success", target: "done" });

    expect(actions.renameNode("task", "1bad")).toMatch(/letter/);
    expect(actions.renameNode("task", "done")).toMatch(/already/);
    expect(actions.renameNode("task", "lookup")).toBeNull();
    expect(store.getState().history.present.edges.at(-1)).toMatchObject({ source: "lookup" });

    actions.select({ nodeId: "lookup" });
    actions.deleteSelection();
    const present = store.getState().history.present;
    expect(present.nodes.map((node) => node.id)).toEqual(["start", "done"]);
    expect(present.edges.map((edge) => edge.id)).toEqual(["e-start-done"]);

    actions.undo();
    expect(store.getState().history.present.nodes.map((node) => node.id)).toContain("lookup");
    actions.undo();
    actions.undo();
    actions.undo();
    expect(store.getState().history.present).toEqual(starter());
    actions.redo();
    expect(store.getState().nodes.map((node) => node.id)).toEqual(["start", "done", "task"]);
  });

  it("merges typing into one field into one undo step", () => {
    const store = createWorkflowStore(starter());
    const { actions } = store.getState();
    actions.addNode("task", { x: 0, y: 0 });
    for (const connector of ["t", "tr", "transform"]) actions.updateNode("task", { config: { connector } }, "config:task:connector");
    expect(store.getState().history.past).toHaveLength(2);
    actions.undo();
    expect(store.getState().history.present.nodes.find((node) => node.id === "task")).toBeDefined();
    expect(store.getState().history.present.nodes.find((node) => node.id === "task")?.config).toMatchObject({ connector: "" });
  });

  it("copies and pastes the selection with new ids", () => {
    const store = createWorkflowStore(starter());
    const { actions } = store.getState();
    actions.selectAll();
    actions.copySelection();
    actions.paste();
    const { nodes, edges } = store.getState().history.present;
    expect(nodes.map((node) => node.id)).toEqual(["start", "done", "start2", "done2"]);
    expect(edges.at(-1)).toMatchObject({ source: "start2", target: "done2" });
    expect(store.getState().selection.nodeIds).toEqual(["start2", "done2"]);
  });

  it("commits a drag only when it ends somewhere new", () => {
    const store = createWorkflowStore(starter());
    const { actions } = store.getState();
    actions.onNodesChange([{ type: "position", id: "done", position: { x: 400, y: 10 }, dragging: true }]);
    expect(store.getState().history.past).toHaveLength(0);
    actions.onNodesChange([{ type: "position", id: "done", position: { x: 400, y: 10 }, dragging: false }]);
    expect(store.getState().history.present.nodes[1]?.position).toEqual({ x: 400, y: 10 });
    actions.onNodesChange([{ type: "position", id: "done", position: { x: 400, y: 10 }, dragging: false }]);
    expect(store.getState().history.past).toHaveLength(1);
  });

  it("edits edge conditions and the default flag", () => {
    const store = createWorkflowStore(starter());
    const { actions } = store.getState();
    actions.updateEdge("e-start-done", { condition: "true" });
    actions.updateEdge("e-start-done", { default: true, condition: undefined });
    expect(store.getState().history.present.edges[0]).toEqual({ id: "e-start-done", source: "start", sourceHandle: "next", target: "done", default: true });
  });
});
