import { describe, expect, it } from "vitest";
import { GraphSchema, type Graph, type GraphInput } from "../graph/schema";
import { buildGraph, end, simpleGraph, task } from "../testing/fixtures";
import { diffGraphs, hasChanges } from "./diff-graphs";
import { unionGraph } from "./union-graph";
import { diffValues, isDeepEqual } from "./value-diff";

const parse = (input: GraphInput): Graph => GraphSchema.parse(input);

/** A parsed copy of `graph` changed by `edit` (which may mutate the copy). */
function edited(graph: Graph, edit: (copy: Graph) => void): Graph {
  const copy = structuredClone(graph);
  edit(copy);
  return copy;
}

function node(graph: Graph, id: string) {
  const found = graph.nodes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

const base = parse(simpleGraph());

describe("isDeepEqual", () => {
  it("ignores object key order but not array order", () => {
    expect(isDeepEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(isDeepEqual([1, 2], [2, 1])).toBe(false);
  });

  it("tells arrays, objects, null and primitives apart", () => {
    expect(isDeepEqual([], {})).toBe(false);
    expect(isDeepEqual(null, {})).toBe(false);
    expect(isDeepEqual(1, "1")).toBe(false);
    expect(isDeepEqual(Number.NaN, Number.NaN)).toBe(true);
  });

  it("treats a key holding undefined like a missing key", () => {
    expect(isDeepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });
});

describe("diffValues", () => {
  it("reports nested leaves as dotted paths", () => {
    expect(diffValues({ retry: { maxAttempts: 3, backoff: "fixed" } }, { retry: { maxAttempts: 5, backoff: "fixed" } }, "config")).toEqual([
      { path: "config.retry.maxAttempts", before: 3, after: 5 },
    ]);
  });

  it("reports added and removed keys with undefined on the missing side", () => {
    expect(diffValues({ a: 1 }, { b: 2 })).toEqual([
      { path: "a", before: 1, after: undefined },
      { path: "b", before: undefined, after: 2 },
    ]);
  });

  it("walks arrays of objects by index and reports extra items", () => {
    const before = { rules: [{ when: "x > 1", outcome: "a" }] };
    const after = { rules: [{ when: "x > 2", outcome: "a" }, { when: "y", outcome: "b" }] };
    expect(diffValues(before, after, "config")).toEqual([
      { path: "config.rules[0].when", before: "x > 1", after: "x > 2" },
      { path: "config.rules[1]", before: undefined, after: { when: "y", outcome: "b" } },
    ]);
  });

  it("reports an array of plain values as one change", () => {
    expect(diffValues({ outcomes: ["a", "b"] }, { outcomes: ["a", "b", "c"] }, "config")).toEqual([
      { path: "config.outcomes", before: ["a", "b"], after: ["a", "b", "c"] },
    ]);
  });

  it("reports a change of kind (object to string) at the field itself", () => {
    expect(diffValues({ v: { a: 1 } }, { v: "a" })).toEqual([{ path: "v", before: { a: 1 }, after: "a" }]);
  });

  it("quotes keys that are not identifiers", () => {
    expect(diffValues({ "x-y": 1, nested: { "a b": 1 } }, { "x-y": 2, nested: { "a b": 2 } }, "config")).toEqual([
      { path: 'config["x-y"]', before: 1, after: 2 },
      { path: 'config.nested["a b"]', before: 1, after: 2 },
    ]);
  });
});

describe("diffGraphs", () => {
  it("finds nothing between a graph and its copy", () => {
    const diff = diffGraphs(base, structuredClone(base));
    expect(hasChanges(diff)).toBe(false);
    expect(diff).toEqual({
      nodes: { added: [], removed: [], changed: [], moved: [] },
      edges: { added: [], removed: [], changed: [] },
      document: [],
    });
  });

  it("reports added and removed nodes and edges by id", () => {
    const after = parse(
      buildGraph(
        [task("work"), task("notify", "email.send"), end("done")],
        [
          ["start", "next", "work"],
          ["work", "success", "notify"],
          ["notify", "success", "done"],
        ],
      ),
    );
    const diff = diffGraphs(base, after);
    expect(diff.nodes.added.map((n) => n.id)).toEqual(["notify"]);
    expect(diff.nodes.removed.map((n) => n.id)).toEqual(["failed"]);
    // e0 stays; e1 now leads to notify; e2 (work.error → failed) becomes notify.success → done.
    expect(diff.edges.added).toEqual([]);
    expect(diff.edges.removed).toEqual([]);
    expect(diff.edges.changed.map((e) => [e.id, e.fields])).toEqual([
      ["e1", [{ path: "target", before: "done", after: "notify" }]],
      [
        "e2",
        [
          { path: "source", before: "work", after: "notify" },
          { path: "sourceHandle", before: "error", after: "success" },
          { path: "target", before: "failed", after: "done" },
        ],
      ],
    ]);
    expect(hasChanges(diff)).toBe(true);
  });

  it("lists changed config fields with before and after values, deeply", () => {
    const after = edited(base, (graph) => {
      const work = node(graph, "work");
      if (work.type !== "task") throw new Error("work is a task");
      work.config.retry.maxAttempts = 5;
      work.config.input = { value: "input.amount * 2", extra: "input.text" };
      work.config.timeout = "PT10S";
    });
    const diff = diffGraphs(base, after);
    expect(diff.nodes.changed).toHaveLength(1);
    expect(diff.nodes.changed[0]?.id).toBe("work");
    expect(diff.nodes.changed[0]?.fields).toEqual([
      { path: "config.input.value", before: "input.amount", after: "input.amount * 2" },
      { path: "config.input.extra", before: undefined, after: "input.text" },
      { path: "config.retry.maxAttempts", before: 3, after: 5 },
      { path: "config.timeout", before: "PT30S", after: "PT10S" },
    ]);
    expect(diff.nodes.moved).toEqual([]);
  });

  it("reports label, description and type changes as fields", () => {
    const after = edited(base, (graph) => {
      const done = node(graph, "done");
      done.label = "Finished";
      done.description = "All good";
    });
    const retyped = parse(
      buildGraph(
        [{ id: "work", type: "wait", config: { mode: "duration", duration: "PT1M" } }, end("done"), end("failed", "failed")],
        [
          ["start", "next", "work"],
          ["work", "done", "done"],
        ],
      ),
    );
    expect(diffGraphs(base, after).nodes.changed[0]?.fields).toEqual([
      { path: "label", before: "", after: "Finished" },
      { path: "description", before: undefined, after: "All good" },
    ]);
    const typeChange = diffGraphs(base, retyped).nodes.changed.find((change) => change.id === "work");
    expect(typeChange?.fields[0]).toEqual({ path: "type", before: "task", after: "wait" });
    expect(typeChange?.fields.map((field) => field.path)).toContain("config.connector");
    expect(typeChange?.fields.map((field) => field.path)).toContain("config.duration");
  });

  it("reports a position-only change as moved, not changed", () => {
    const after = edited(base, (graph) => {
      node(graph, "done").position = { x: 400, y: 120 };
    });
    const diff = diffGraphs(base, after);
    expect(diff.nodes.changed).toEqual([]);
    expect(diff.nodes.moved).toEqual([{ id: "done", before: { x: 0, y: 0 }, after: { x: 400, y: 120 } }]);
    expect(hasChanges(diff)).toBe(true);
  });

  it("reports a node that moved and changed in both lists", () => {
    const after = edited(base, (graph) => {
      const done = node(graph, "done");
      done.position = { x: 10, y: 0 };
      done.label = "Done";
    });
    const diff = diffGraphs(base, after);
    expect(diff.nodes.changed.map((change) => change.id)).toEqual(["done"]);
    expect(diff.nodes.moved.map((move) => move.id)).toEqual(["done"]);
  });

  it("compares edge conditions, default flags and labels", () => {
    const before = parse(
      buildGraph(
        [end("big"), end("small")],
        [
          ["start", "next", "big", { condition: "input.amount > 10" }],
          ["start", "next", "small"],
        ],
      ),
    );
    const after = edited(before, (graph) => {
      const [first, second] = graph.edges;
      if (!first || !second) throw new Error("two edges");
      first.condition = "input.amount > 100";
      second.default = true;
      second.label = "otherwise";
    });
    expect(diffGraphs(before, after).edges.changed).toEqual([
      { id: "e0", edge: after.edges[0], fields: [{ path: "condition", before: "input.amount > 10", after: "input.amount > 100" }] },
      {
        id: "e1",
        edge: after.edges[1],
        fields: [
          { path: "default", before: false, after: true },
          { path: "label", before: undefined, after: "otherwise" },
        ],
      },
    ]);
  });

  it("treats an edge whose id changed as one removed and one added", () => {
    const after = edited(base, (graph) => {
      const first = graph.edges[0];
      if (first) first.id = "start-to-work";
    });
    const diff = diffGraphs(base, after);
    expect(diff.edges.removed.map((e) => e.id)).toEqual(["e0"]);
    expect(diff.edges.added.map((e) => e.id)).toEqual(["start-to-work"]);
    expect(diff.edges.changed).toEqual([]);
  });

  it("reports workflow-level name, description and metadata changes", () => {
    const after = edited(base, (graph) => {
      graph.name = "Renamed";
      graph.description = "Now described";
      graph.metadata = { owner: "ops" };
    });
    expect(diffGraphs(base, after).document).toEqual([
      { path: "name", before: "Test", after: "Renamed" },
      { path: "description", before: undefined, after: "Now described" },
      { path: "metadata.owner", before: undefined, after: "ops" },
    ]);
  });

  it("does not care about object key order inside configs", () => {
    const after = edited(base, (graph) => {
      const work = node(graph, "work");
      if (work.type !== "task") throw new Error("work is a task");
      const { maxAttempts, backoff, initialDelay } = work.config.retry;
      work.config.retry = { initialDelay, backoff, maxAttempts };
    });
    expect(hasChanges(diffGraphs(base, after))).toBe(false);
  });
});

describe("unionGraph", () => {
  it("draws the after graph plus the removed nodes and edges", () => {
    const after = edited(base, (graph) => {
      graph.nodes = graph.nodes.filter((n) => n.id !== "failed");
      graph.edges = graph.edges.filter((e) => e.target !== "failed");
    });
    const union = unionGraph(after, diffGraphs(base, after));
    expect(union.nodes.map((n) => n.id)).toEqual(["start", "work", "done", "failed"]);
    expect(union.edges.map((e) => e.id)).toEqual(["e0", "e1", "e2"]);
    expect(union.name).toBe(after.name);
  });
});
