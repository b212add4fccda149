import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { validateGraph, type Graph } from "~/engine";
import { AppError } from "~/server/errors";
import { defineConnector, type Connector } from "~/server/runtime/connectors/contract";

/**
 * Shared by the crash-recovery test and its worker process: the workflows it runs and a slow,
 * side-effecting test connector whose effects are recorded in files.
 */

type NodeSpec = { id: string; type: string; config: Record<string, unknown> };
type EdgeSpec = [source: string, handle: string, target: string];

function graphOf(id: string, nodes: NodeSpec[], edges: EdgeSpec[]): Graph {
  const document = {
    schemaVersion: 1,
    id,
    name: id,
    nodes: nodes.map((node, index) => ({ ...node, label: node.id, position: { x: index * 200, y: 0 } })),
    edges: edges.map(([source, sourceHandle, target], index) => ({ id: `e${index + 1}`, source, sourceHandle, target })),
  };
  const result = validateGraph(document);
  if (!result.ok) throw new Error(`crash graph ${id} is invalid: ${JSON.stringify(result.problems)}`);
  return result.graph;
}

const START_FIELDS = {
  inputFields: [
    { name: "vendor", type: "string" },
    { name: "amount", type: "number" },
    { name: "ticket", type: "string" },
    { name: "slowMs", type: "integer" },
  ],
};

const payNode = (id: string): NodeSpec => ({
  id,
  type: "task",
  config: { connector: "payment.schedule", input: { vendor: "input.vendor", amount: "input.amount" } },
});
const slowNode = (id: string): NodeSpec => ({
  id,
  type: "task",
  config: { connector: "test.slow", input: { ms: "input.slowMs", label: `"${id}"` } },
});
const waitNode = (id: string, duration: string): NodeSpec => ({ id, type: "wait", config: { mode: "duration", duration } });
const failedEnd: NodeSpec = { id: "failed", type: "end", config: { outcome: "failed" } };

/**
 * `crash-seq`: pay → wait 1 s → slow side effect → end. At a kill, its runs sit on the timer or
 * inside the slow call.
 */
export const SEQUENTIAL_GRAPH = graphOf(
  "crash-seq",
  [
    { id: "start", type: "start", config: START_FIELDS },
    payNode("pay"),
    waitNode("pause", "PT1S"),
    slowNode("slow"),
    { id: "done", type: "end", config: { outcome: "completed" } },
    failedEnd,
  ],
  [
    ["start", "next", "pay"],
    ["pay", "success", "pause"],
    ["pay", "error", "failed"],
    ["pause", "done", "slow"],
    ["slow", "success", "done"],
    ["slow", "error", "failed"],
  ],
);

/**
 * `crash-par`: two branches at once (slow call then a 2 s wait; a 1 s wait then a payment), a
 * join, then a ticket assignment and a second slow call.
 */
export const PARALLEL_GRAPH = graphOf(
  "crash-par",
  [
    { id: "start", type: "start", config: START_FIELDS },
    { id: "fork", type: "parallel", config: { branches: [{ id: "a" }, { id: "b" }] } },
    slowNode("slowA"),
    waitNode("waitA", "PT2S"),
    waitNode("waitB", "PT1S"),
    payNode("payB"),
    { id: "join", type: "join", config: { mode: "all" } },
    { id: "assign", type: "task", config: { connector: "ticket.assign", input: { ticketId: "input.ticket", team: '"crash"' } } },
    slowNode("slowAfter"),
    { id: "done", type: "end", config: { outcome: "completed" } },
    failedEnd,
  ],
  [
    ["start", "next", "fork"],
    ["fork", "a", "slowA"],
    ["slowA", "success", "waitA"],
    ["slowA", "error", "join"],
    ["waitA", "done", "join"],
    ["fork", "b", "waitB"],
    ["waitB", "done", "payB"],
    ["payB", "success", "join"],
    ["payB", "error", "join"],
    ["join", "done", "assign"],
    ["join", "failed", "failed"],
    ["assign", "success", "slowAfter"],
    ["assign", "error", "failed"],
    ["slowAfter", "success", "done"],
    ["slowAfter", "error", "failed"],
  ],
);

export const CRASH_GRAPHS = { "crash-seq": SEQUENTIAL_GRAPH, "crash-par": PARALLEL_GRAPH } as const;
export type CrashGraphName = keyof typeof CRASH_GRAPHS;

/** What each completed run of a crash graph must have done exactly once. */
export const EXPECTED_EFFECTS: Record<CrashGraphName, { payments: number; assignments: number; slow: string[]; timers: string[] }> = {
  "crash-seq": { payments: 1, assignments: 0, slow: ["slow"], timers: ["pause.wait"] },
  "crash-par": { payments: 1, assignments: 1, slow: ["slowA", "slowAfter"], timers: ["waitA.wait", "waitB.wait"] },
};

/** One run the first worker starts. */
export type CrashRunSpec = { workflowId: string; graph: CrashGraphName; idempotencyKey: string; input: Record<string, unknown> };

/** One line of the slow connector's log. */
export type SlowLogEntry = { phase: "start" | "done"; key: string; pid: number; effect?: "new" | "repeat" };

/** The file under `effects/` that stands for the effect of one idempotency key. */
export const effectFileName = (key: string) => createHash("sha256").update(key).digest("hex");

/**
 * `test.slow`: waits `ms` (a side effect "in flight"), then performs its effect at most once per
 * idempotency key, as a remote service that deduplicates by key would: the first completion
 * creates `effects/<sha256(key)>` exclusively, later ones find it there. Every start and
 * completion is appended to `slow.log` (one JSON object per line), which survives SIGKILL.
 */
export function slowConnector(dir: string): Connector {
  mkdirSync(join(dir, "effects"), { recursive: true });
  const log = (entry: SlowLogEntry) => appendFileSync(join(dir, "slow.log"), `${JSON.stringify(entry)}\n`);
  return defineConnector({
    name: "test.slow",
    description: "Test only: a slow side effect, performed once per idempotency key.",
    input: z.object({ ms: z.number().int().min(0).max(60_000), label: z.string() }),
    output: z.object({ label: z.string(), effect: z.enum(["new", "repeat"]) }),
    sideEffect: "external",
    async execute(input, { idempotencyKey, signal }) {
      log({ phase: "start", key: idempotencyKey, pid: process.pid });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, input.ms);
        signal.addEventListener("abort", () => {
          clearTimeout(timer);
          reject(signal.reason instanceof Error ? signal.reason : new AppError("TIMEOUT", "aborted"));
        });
      });
      let effect: "new" | "repeat" = "new";
      try {
        writeFileSync(join(dir, "effects", effectFileName(idempotencyKey)), idempotencyKey, { flag: "wx" });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        effect = "repeat";
      }
      log({ phase: "done", key: idempotencyKey, pid: process.pid, effect });
      return { label: input.label, effect };
    },
  });
}

/** The slow connector's log, parsed, and the effect files (see {@link effectFileName}) that exist. */
export function readSlowEffects(dir: string): { log: SlowLogEntry[]; effects: string[] } {
  const text = existsSync(join(dir, "slow.log")) ? readFileSync(join(dir, "slow.log"), "utf8") : "";
  // A process killed mid-append can leave a torn last line: it is a start or done that did not finish writing.
  const log = text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as SlowLogEntry];
      } catch {
        return [];
      }
    });
  const effects = readdirSync(join(dir, "effects"));
  return { log, effects };
}
