import type { GraphInput } from "../graph/schema";

type NodeInput = GraphInput["nodes"][number];
type EdgeInput = GraphInput["edges"][number];

/** Edge shorthand: `[source, handle, target, extra?]`. */
export type EdgeSpec = [string, string, string, Partial<EdgeInput>?];

/**
 * Builds a graph from nodes and edge shorthands, with a start declaring `amount` and `text`.
 * Test support only.
 */
export function buildGraph(nodes: NodeInput[], edges: EdgeSpec[]): GraphInput {
  return {
    schemaVersion: 1,
    id: "test",
    name: "Test",
    nodes: [{ id: "start", type: "start", config: { inputFields: [{ name: "amount", type: "number" }, { name: "text", type: "string" }] } }, ...nodes],
    edges: edges.map(([source, sourceHandle, target, extra], index) => ({ id: `e${index}`, source, sourceHandle, target, ...extra })),
  };
}

/** An end node. */
export const end = (id: string, outcome: "completed" | "rejected" | "cancelled" | "failed" = "completed"): NodeInput => ({
  id,
  type: "end",
  config: { outcome },
});

/** A task node calling `connector`. */
export const task = (id: string, connector = "transform"): NodeInput => ({ id, type: "task", config: { connector, input: { value: "input.amount" } } });

/** start → work(task) → done, with work's error → failed: the smallest valid graph with a task. */
export function simpleGraph(): GraphInput {
  return buildGraph(
    [task("work"), end("done"), end("failed", "failed")],
    [
      ["start", "next", "work"],
      ["work", "success", "done"],
      ["work", "error", "failed"],
    ],
  );
}
