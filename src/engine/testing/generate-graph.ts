import type { GraphInput } from "../graph/schema";

type NodeInput = GraphInput["nodes"][number];
type EdgeInput = GraphInput["edges"][number];

/** A deterministic pseudo-random source (mulberry32), so generated graphs are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEGMENTS = ["task", "decision", "approval", "guardrail", "wait", "parallel", "llm"] as const;

/**
 * Generates a valid workflow graph of about `size` nodes: a chain of segments (task, decision,
 * approval, guardrail, wait, llm, parallel/join) between one start and two ends; the first is a task, so both ends are reachable.
 *
 * @remarks Test and benchmark support; not part of the engine's public API.
 */
export function generateGraph(size: number, seed = 1): GraphInput {
  const random = seededRandom(seed);
  const nodes: NodeInput[] = [
    { id: "start", type: "start", config: { inputFields: [{ name: "amount", type: "number" }, { name: "text", type: "string" }] } },
    { id: "done", type: "end", config: { outcome: "completed" } },
    { id: "failed", type: "end", config: { outcome: "failed" } },
  ];
  const edges: EdgeInput[] = [];
  const edge = (source: string, sourceHandle: string, target: string, extra: Partial<EdgeInput> = {}) =>
    edges.push({ id: `e${edges.length}`, source, sourceHandle, target, ...extra });
  const task = (id: string): NodeInput => ({ id, type: "task", config: { connector: "transform", input: { value: "input.amount * 2" } } });
  let previous = { id: "start", handle: "next" };
  let counter = 0;
  while (nodes.length < size) {
    const id = `n${counter++}`;
    const kind = counter === 1 ? "task" : SEGMENTS[Math.floor(random() * SEGMENTS.length)]!;
    edge(previous.id, previous.handle, id);
    switch (kind) {
      case "task":
        nodes.push(task(id));
        edge(id, "error", "failed");
        previous = { id, handle: "success" };
        break;
      case "llm":
        nodes.push({ id, type: "llm", config: { userPrompt: "Summarise {{ input.text }}" } });
        edge(id, "error", "failed");
        previous = { id, handle: "success" };
        break;
      case "decision":
        nodes.push({
          id,
          type: "decision",
          config: { source: "inline", outcomes: ["high", "low"], rules: [{ when: "input.amount > 1000", outcome: "high" }], defaultOutcome: "low" },
        });
        edge(id, "high", "done", { condition: `steps.${id}.outcome == "high" && input.amount > 5000` });
        edge(id, "high", "failed");
        previous = { id, handle: "low" };
        break;
      case "approval":
        nodes.push({ id, type: "approval", config: { summary: "Approve {{ input.amount }}", assignees: { roles: ["approver"] }, deadline: "PT1H" } });
        edge(id, "reject", "failed");
        edge(id, "changes", "failed");
        edge(id, "timeout", "failed");
        previous = { id, handle: "approve" };
        break;
      case "guardrail":
        nodes.push({ id, type: "guardrail", config: { checks: [{ kind: "content", text: "input.text", pii: ["email", "card"] }] } });
        edge(id, "block", "failed");
        previous = { id, handle: "pass" };
        break;
      case "wait":
        nodes.push({ id, type: "wait", config: { mode: "duration", duration: "PT5M" } });
        previous = { id, handle: "done" };
        break;
      case "parallel": {
        const join = `${id}j`;
        nodes.push({ id, type: "parallel", config: { branches: [{ id: "a" }, { id: "b" }] } }, task(`${id}a`), task(`${id}b`));
        nodes.push({ id: join, type: "join", config: { mode: "all", tolerateFailures: 1 } });
        for (const branch of ["a", "b"]) {
          edge(id, branch, `${id}${branch}`);
          edge(`${id}${branch}`, "success", join);
          edge(`${id}${branch}`, "error", join);
        }
        edge(join, "failed", "failed");
        previous = { id: join, handle: "done" };
        break;
      }
    }
  }
  edge(previous.id, previous.handle, "done");
  return { schemaVersion: 1, id: `generated-${size}`, name: `Generated ${size}`, nodes, edges };
}
