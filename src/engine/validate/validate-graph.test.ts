import { describe, expect, it } from "vitest";

import type { GraphInput } from "../graph/schema";
import { buildGraph, end, simpleGraph, task } from "../testing/fixtures";
import { PROBLEM_CODES, type ProblemCode } from "./problem";
import { validateGraph, validateGraphJson } from "./validate-graph";

function codesOf(document: unknown): ProblemCode[] {
  const result = validateGraph(document);
  return result.problems.map((found) => found.code);
}

function mutate(change: (graph: GraphInput) => void): GraphInput {
  const graph = simpleGraph();
  change(graph);
  return graph;
}

const fork = (join: object = { mode: "all" }) =>
  buildGraph(
    [
      { id: "fork", type: "parallel", config: { branches: [{ id: "a" }, { id: "b" }] } },
      task("ta"),
      task("tb"),
      { id: "join", type: "join", config: join as never },
      end("done"),
    ],
    [
      ["start", "next", "fork"],
      ["fork", "a", "ta"],
      ["fork", "b", "tb"],
      ["ta", "success", "join"],
      ["ta", "error", "join"],
      ["tb", "success", "join"],
      ["tb", "error", "join"],
      ["join", "done", "done"],
      ["join", "failed", "done"],
    ],
  );

const deep = (levels: number): unknown => {
  let value: unknown = {};
  for (let level = 0; level < levels; level++) value = { nested: value };
  return value;
};

/** One document per validation code that triggers it. */
const TRIGGERS: Record<ProblemCode, () => unknown> = {
  INVALID_JSON: () => "{ not json",
  INPUT_TOO_DEEP: () => mutate((graph) => Object.assign(graph, { metadata: deep(100) })),
  STRING_TOO_LONG: () => mutate((graph) => Object.assign(graph, { description: "x".repeat(60_000) })),
  FORBIDDEN_KEY: () => JSON.parse(JSON.stringify(simpleGraph()).replace('"schemaVersion"', '"__proto__":{"polluted":true},"schemaVersion"')),
  GRAPH_TOO_LARGE: () => mutate((graph) => graph.nodes.push(...Array.from({ length: 10_001 }, (_, index) => end(`x${index}`)))),
  INVALID_GRAPH: () => ({ nodes: "none" }),
  INVALID_NODE: () => mutate((graph) => graph.nodes.push({ id: "odd", type: "teleport", config: {} } as never)),
  INVALID_EDGE: () => mutate((graph) => graph.edges.push({ id: "bad", source: "work", sourceHandle: "success", target: "done", condition: "true", default: true })),
  INVALID_NODE_CONFIG: () => mutate((graph) => Object.assign(graph.nodes[1]!, { config: { connector: "Not A Connector" } })),
  NO_START: () => mutate((graph) => graph.nodes.splice(0, 1)),
  MULTIPLE_STARTS: () => mutate((graph) => graph.nodes.push({ id: "start2", type: "start", config: {} })),
  NO_END: () => mutate((graph) => graph.nodes.splice(2, 2)),
  DUPLICATE_NODE_ID: () => mutate((graph) => graph.nodes.push(end("done"))),
  DUPLICATE_EDGE_ID: () => mutate((graph) => graph.edges.push({ ...graph.edges[1]! })),
  DANGLING_EDGE: () => mutate((graph) => graph.edges.push({ id: "x", source: "work", sourceHandle: "success", target: "nowhere" })),
  EDGE_INTO_START: () => mutate((graph) => (graph.edges[1]!.target = "start")),
  UNREACHABLE_NODE: () => mutate((graph) => graph.nodes.push(end("island"))),
  NO_PATH_TO_END: () =>
    mutate((graph) => {
      graph.nodes.push({ id: "limbo", type: "wait", config: { mode: "signal", signal: "never" } });
      graph.edges[1]!.target = "limbo";
      graph.edges.push({ id: "loop", source: "limbo", sourceHandle: "done", target: "limbo" });
    }),
  MISSING_OUTCOME_EDGE: () => mutate((graph) => graph.edges.splice(2, 1)),
  UNKNOWN_HANDLE: () => mutate((graph) => graph.edges.push({ id: "x", source: "work", sourceHandle: "maybe", target: "done" })),
  CONFLICTING_DEFAULT_EDGES: () => mutate((graph) => graph.edges.push({ id: "x", source: "work", sourceHandle: "success", target: "failed" })),
  MISSING_DEFAULT_EDGE: () => mutate((graph) => Object.assign(graph.edges[1]!, { condition: "input.amount > 1" })),
  INVALID_BRANCH_EDGE: () => {
    const graph = fork();
    graph.edges.find((edge) => edge.sourceHandle === "a")!.condition = "input.amount > 1";
    return graph;
  },
  UNKNOWN_NODE_REFERENCE: () => mutate((graph) => Object.assign(graph.nodes[1]!.config as object, { compensation: "ghost" })),
  EXPRESSION_SYNTAX_ERROR: () => mutate((graph) => Object.assign(graph.edges[1]!, { condition: "input.amount >" })),
  EXPRESSION_UNKNOWN_FIELD: () => mutate((graph) => Object.assign(graph.edges[1]!, { condition: "input.total > 1" })),
  EXPRESSION_TYPE_ERROR: () => mutate((graph) => Object.assign(graph.edges[1]!, { condition: 'input.text.matches("(a+)+$")' })),
  FORK_WITHOUT_JOIN: () => {
    const graph = fork();
    graph.edges.find((edge) => edge.source === "tb" && edge.sourceHandle === "success")!.target = "done";
    return graph;
  },
  BRANCH_CROSSES_REGION: () => {
    const graph = fork();
    graph.edges.find((edge) => edge.source === "ta" && edge.sourceHandle === "error")!.target = "tb";
    return graph;
  },
  JOIN_WITHOUT_FORK: () =>
    mutate((graph) => {
      graph.nodes.push({ id: "lonely", type: "join", config: {} });
      graph.edges[1]!.target = "lonely";
      graph.edges.push({ id: "j1", source: "lonely", sourceHandle: "done", target: "done" }, { id: "j2", source: "lonely", sourceHandle: "failed", target: "done" });
    }),
  JOIN_QUORUM_TOO_HIGH: () => fork({ mode: "n_of_m", n: 3 }),
  UNGUARDED_CYCLE: () => mutate((graph) => (graph.edges[2]!.target = "work")),
};

describe("validateGraph", () => {
  it("accepts a minimal graph and applies defaults", () => {
    const result = validateGraph(simpleGraph());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.graph.nodes[1]!.config).toMatchObject({ retry: { maxAttempts: 3 }, timeout: "PT30S" });
  });

  it.each(Object.keys(PROBLEM_CODES) as ProblemCode[])("reports %s", (code) => {
    const document = TRIGGERS[code]();
    const codes = typeof document === "string" ? validateGraphJson(document).problems.map((found) => found.code) : codesOf(document);
    expect(codes).toContain(code);
  });

  it("returns every problem at once, with ids and readable messages", () => {
    const graph = mutate((draft) => {
      draft.nodes.push(end("island"));
      Object.assign(draft.edges[1]!, { condition: "input.nope > 1" });
    });
    const result = validateGraph(graph);
    expect(result.ok).toBe(false);
    const unknown = result.problems.find((found) => found.code === "EXPRESSION_UNKNOWN_FIELD");
    expect(unknown).toMatchObject({ edgeId: "e1", severity: "error" });
    expect(unknown?.message).toContain("1:1");
    expect(result.problems.find((found) => found.code === "UNREACHABLE_NODE")?.nodeId).toBe("island");
  });

  it("points config problems at the field", () => {
    const graph = mutate((draft) => Object.assign(draft.nodes[1]!.config as object, { timeout: "soon" }));
    const found = validateGraph(graph).problems.find((item) => item.code === "INVALID_NODE_CONFIG");
    expect(found).toMatchObject({ nodeId: "work", path: ["nodes", 1, "config", "timeout"] });
  });

  it("accepts a cycle through an approval, and one with a guarded exit", () => {
    const approvalLoop = buildGraph(
      [task("draft"), { id: "review", type: "approval", config: { summary: "ok?", assignees: { roles: ["r"] } } }, end("done")],
      [
        ["start", "next", "draft"],
        ["draft", "success", "review"],
        ["draft", "error", "done"],
        ["review", "approve", "done"],
        ["review", "reject", "done"],
        ["review", "changes", "draft"],
      ],
    );
    expect(validateGraph(approvalLoop).ok).toBe(true);
    const guarded = mutate((graph) => {
      graph.edges[2]!.target = "work";
      graph.edges.push({ id: "out", source: "work", sourceHandle: "error", target: "failed", condition: 'steps.work.error.message == "fatal"' });
    });
    expect(validateGraph(guarded).ok).toBe(true);
  });

  it("accepts nested forks", () => {
    const graph = buildGraph(
      [
        { id: "outer", type: "parallel", config: { branches: [{ id: "x" }, { id: "y" }] } },
        { id: "inner", type: "parallel", config: { branches: [{ id: "p" }, { id: "q" }] } },
        task("tp"),
        task("tq"),
        { id: "innerJoin", type: "join", config: {} },
        task("ty"),
        { id: "outerJoin", type: "join", config: { mode: "any" } },
        end("done"),
      ],
      [
        ["start", "next", "outer"],
        ["outer", "x", "inner"],
        ["outer", "y", "ty"],
        ["inner", "p", "tp"],
        ["inner", "q", "tq"],
        ["tp", "success", "innerJoin"],
        ["tp", "error", "innerJoin"],
        ["tq", "success", "innerJoin"],
        ["tq", "error", "innerJoin"],
        ["innerJoin", "done", "outerJoin"],
        ["innerJoin", "failed", "outerJoin"],
        ["ty", "success", "outerJoin"],
        ["ty", "error", "outerJoin"],
        ["outerJoin", "done", "done"],
        ["outerJoin", "failed", "done"],
      ],
    );
    expect(validateGraph(graph).problems).toEqual([]);
  });

  it("never throws on hostile input", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const hostile: unknown[] = [undefined, null, 42, "graph", [], cyclic, deep(100_000), { nodes: [() => 1] }, { schemaVersion: 1n }, Symbol("x")];
    for (const document of hostile) {
      expect(() => validateGraph(document)).not.toThrow();
      expect(validateGraph(document).ok).toBe(false);
    }
    expect(validateGraphJson("[".repeat(200_000)).ok).toBe(false);
  });
});

describe("compensation steps", () => {
  const document = (withEdge: boolean) => ({
    schemaVersion: 1,
    id: "saga",
    name: "saga",
    metadata: {},
    nodes: [
      { id: "start", type: "start", label: "", position: { x: 0, y: 0 }, config: {} },
      { id: "pay", type: "task", label: "", position: { x: 0, y: 0 }, config: { connector: "payment.schedule", compensation: "undo" } },
      { id: "undo", type: "task", label: "", position: { x: 0, y: 0 }, config: { connector: "notify" } },
      { id: "end", type: "end", label: "", position: { x: 0, y: 0 }, config: {} },
    ],
    edges: [
      { id: "a", source: "start", sourceHandle: "next", target: "pay" },
      { id: "b", source: "pay", sourceHandle: "success", target: "end" },
      { id: "c", source: "pay", sourceHandle: "error", target: "end" },
      ...(withEdge ? [{ id: "d", source: "end", sourceHandle: "next", target: "undo" }] : []),
    ],
  });

  it("needs no path and no outcome edges when only named as a compensation", () => {
    expect(validateGraph(document(false)).ok).toBe(true);
  });

  it("is checked like any node once an edge enters it", () => {
    const result = validateGraph(document(true));
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.code)).toContain("MISSING_OUTCOME_EDGE");
  });
});
