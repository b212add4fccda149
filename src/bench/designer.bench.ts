import { loadavg } from "node:os";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../e2e/chromium";
import { performance } from "node:perf_hooks";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

import { validateGraph, type GraphInput } from "../engine";
import { generateGraph } from "../engine/testing/generate-graph";
import {
  burstSignals,
  COLLECT_ARRIVALS,
  DRAG_RESULT,
  dragRecorder,
  LOAD_PROBE,
  LOAD_RESULT,
  openSubscriptions,
  sequentialSignals,
  SIGNAL_DRIVER,
  START_NODE_CENTER,
} from "./designer/page-scripts";
import { startServer, type BenchServer } from "./designer/server";
import { summarize, type Bench } from "./registry";

/**
 * Issue 5's figures, measured in headless Chromium against a production build on its own database:
 * 1. a 1,000-node workflow rendered and interactive (navigation start → a click on a node shows it selected),
 * 2. a dragged node following the pointer (input event time → the node's transform changes),
 * 3. a transition's commit reaching 50 open `run.events` subscribers (signal resolved → row received).
 */

const PORT = 3300;
const DATABASE = "data/bench-designer.db";
const DIST_DIR = ".next-bench";
const SERVER_LOG = "data/bench-designer-server.log";
const BUILD_TIMEOUT_MS = 15 * 60_000;

const GRAPH_SIZE = 1_000;
const LOADS = 7;
const DRAGS = 3;
const DRAG_STEPS = 40;
const POINTER_INTERVAL_MS = 16;

const RUNS = 10;
const CONTEXTS = 10;
const SUBS_PER_CONTEXT = 5;
const SEQUENTIAL_SIGNALS = 200;
const BURST_ROUNDS = 10;
const WAIT_NODES = Math.ceil(SEQUENTIAL_SIGNALS / RUNS) + BURST_ROUNDS + 2;

const TARGET = { loadMs: 1_500, dragMs: 50, eventMs: 50 };

export const VIEWPORT = { width: 1600, height: 900 };
const DESIGNER = { email: "designer@flowgate.local", password: "flowgate-demo" };

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

interface Row {
  figure: string;
  samples: number;
  median: number;
  p95: number;
  target?: number;
  note?: string;
}

const rows: Row[] = [];

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
}

function log(message: string) {
  console.log(`  ${message}  [load ${load()}]`);
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function record(figure: string, timings: number[], target?: number, note?: string) {
  const { median, p95 } = summarize(timings);
  rows.push({ figure, samples: timings.length, median, p95, target, note });
}

// ─── API ────────────────────────────────────────────────────────────────────────────────────────

export async function trpcMutation<T>(context: BrowserContext, path: string, input: unknown): Promise<T> {
  const response = await context.request.post(`/api/trpc/${path}`, { data: { json: input }, timeout: 60_000 });
  const text = await response.text();
  if (!response.ok()) throw new Error(`${path} → ${response.status()}: ${text.slice(0, 500)}`);
  return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
}

export async function signIn(browser: Browser, baseURL: string): Promise<StorageState> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(DESIGNER.email);
    await page.getByLabel("Password").fill(DESIGNER.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByTestId("current-user").waitFor({ timeout: 60_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** `generateGraph(1000)` with the nodes laid out on a grid, as a saved draft would have them. */
export function largeGraph(endsLast = true): GraphInput {
  const graph = generateGraph(GRAPH_SIZE, 5);
  const columns = 40;
  // Chain order; the shared `done` / `failed` ends last (where a longest-path layering puts them), or
  // beside the start (where a breadth-first layering such as fallback-layout.ts puts them: ~1,000
  // edges into them then cross the first view).
  const ends = graph.nodes.filter((node) => node.type === "end");
  if (endsLast) graph.nodes = [...graph.nodes.filter((node) => node.type !== "end"), ...ends];
  graph.nodes.forEach((node, index) => {
    const row = Math.floor(index / columns);
    const column = row % 2 === 0 ? index % columns : columns - 1 - (index % columns);
    (node as { position?: { x: number; y: number } }).position = { x: column * 304, y: row * 176 };
  });
  const checked = validateGraph(graph);
  if (!checked.ok) throw new Error(`the generated graph is invalid: ${JSON.stringify(checked.problems.slice(0, 3))}`);
  return graph;
}

/** start → W wait nodes, each waiting for the signal `tick` → done. */
function signalGraph(): GraphInput {
  const nodes: GraphInput["nodes"] = [
    { id: "start", type: "start", config: { inputFields: [] } },
    { id: "done", type: "end", config: { outcome: "completed" } },
  ];
  const edges: GraphInput["edges"] = [];
  let previous = { id: "start", handle: "next" };
  for (let index = 1; index <= WAIT_NODES; index++) {
    const id = `w${index}`;
    nodes.push({ id, type: "wait", config: { mode: "signal", signal: "tick" } });
    edges.push({ id: `e${edges.length}`, source: previous.id, sourceHandle: previous.handle, target: id });
    previous = { id, handle: "done" };
  }
  edges.push({ id: `e${edges.length}`, source: previous.id, sourceHandle: previous.handle, target: "done" });
  const graph: GraphInput = { schemaVersion: 1, id: "bench-signals", name: "Bench signals", nodes, edges };
  const checked = validateGraph(graph);
  if (!checked.ok) throw new Error(`the signal graph is invalid: ${JSON.stringify(checked.problems.slice(0, 3))}`);
  return graph;
}

// ─── 3. subscription latency ────────────────────────────────────────────────────────────────────

interface SignalRecord {
  nonce: number;
  runId: string;
  sent: number;
  resolved: number;
  retries: number;
}

type Arrival = [sub: number, runId: string, nonce: number, at: number, seq: number];

async function subscriptionLatency(browser: Browser, baseURL: string, state: StorageState) {
  log(`subscriptions: ${RUNS} runs × ${WAIT_NODES} signal waits, ${CONTEXTS} browser contexts × ${SUBS_PER_CONTEXT} EventSource streams`);
  const contexts: BrowserContext[] = [];
  try {
    for (let index = 0; index < CONTEXTS; index++) contexts.push(await browser.newContext({ baseURL, storageState: state }));
    const api = contexts[0]!;
    const workflow = await trpcMutation<{ id: string }>(api, "workflow.create", { name: "Bench signals", graph: signalGraph() });
    const runIds: string[] = [];
    for (let index = 0; index < RUNS; index++) {
      const run = await trpcMutation<{ runId: string }>(api, "run.start", { workflowId: workflow.id, draft: true, input: {} });
      runIds.push(run.runId);
    }
    // Each context (its own connection pool: Chromium allows 6 HTTP/1.1 connections per host) subscribes to
    // 5 consecutive runs, so every run has 5 subscribers in 5 different browser processes.
    const pages: Page[] = [];
    const subscribedRuns: string[][] = [];
    for (let index = 0; index < CONTEXTS; index++) {
      const page = await contexts[index]!.newPage();
      await page.goto("/favicon.svg");
      const mine = Array.from({ length: SUBS_PER_CONTEXT }, (_, offset) => runIds[(index + offset) % RUNS]!);
      subscribedRuns.push(mine);
      await page.evaluate(openSubscriptions(mine, index * SUBS_PER_CONTEXT));
      pages.push(page);
    }
    const driver = pages[0]!;
    await driver.evaluate(SIGNAL_DRIVER);
    await sleep(500);
    log(`${CONTEXTS * SUBS_PER_CONTEXT} subscriptions open; ${SEQUENTIAL_SIGNALS} signals one at a time, then ${BURST_ROUNDS} bursts of ${RUNS}`);

    const sequential = (await driver.evaluate(sequentialSignals(runIds, 0, SEQUENTIAL_SIGNALS, 15))) as SignalRecord[];
    await sleep(1_000);
    const burst = (await driver.evaluate(burstSignals(runIds, 100_000, BURST_ROUNDS, 100))) as SignalRecord[];
    await sleep(1_500);

    const arrivals: Arrival[] = [];
    let streamErrors = 0;
    for (const page of pages) {
      const result = (await page.evaluate(COLLECT_ARRIVALS)) as { arrivals: Arrival[]; errors: number };
      arrivals.push(...result.arrivals);
      streamErrors += result.errors;
    }
    // First arrival per (subscriber, nonce): the row of the signal's transition carrying the nonce.
    const first = new Map<string, number>();
    for (const [sub, , nonce, at] of arrivals) {
      const key = `${sub}:${nonce}`;
      const seen = first.get(key);
      if (seen === undefined || at < seen) first.set(key, at);
    }
    const subscribersOf = new Map<string, number[]>();
    subscribedRuns.forEach((mine, context) =>
      mine.forEach((runId, offset) => subscribersOf.set(runId, [...(subscribersOf.get(runId) ?? []), context * SUBS_PER_CONTEXT + offset])),
    );
    const analyse = (records: SignalRecord[]) => {
      const fromResolve: number[] = [];
      const fromSend: number[] = [];
      const samePage: number[] = [];
      let missing = 0;
      for (const signal of records) {
        for (const sub of subscribersOf.get(signal.runId) ?? []) {
          const at = first.get(`${sub}:${signal.nonce}`);
          if (at === undefined) {
            missing++;
            continue;
          }
          fromResolve.push(at - signal.resolved);
          fromSend.push(at - signal.sent);
          if (sub < SUBS_PER_CONTEXT) samePage.push(at - signal.resolved);
        }
      }
      return { fromResolve, fromSend, samePage, missing, retries: records.reduce((sum, signal) => sum + signal.retries, 0) };
    };
    const seq = analyse(sequential);
    const bursts = analyse(burst);
    const mutation = sequential.map((signal) => signal.resolved - signal.sent);
    log(
      `sequential: ${seq.fromResolve.length} deliveries, ${seq.missing} missing, ${seq.retries} retried signals; burst: ${bursts.fromResolve.length} deliveries, ${bursts.missing} missing; stream errors ${streamErrors}`,
    );
    const negative = seq.fromResolve.filter((value) => value < 0).length;
    record(
      "event latency: signal resolved → row at subscriber (50 subs, one signal in flight)",
      seq.fromResolve,
      TARGET.eventMs,
      `${negative} of ${seq.fromResolve.length} rows arrived before the response`,
    );
    record("  same, only the 5 subscribers in the signalling page (same clock)", seq.samePage);
    record("  same, from the signal request sent (upper bound incl. the commit)", seq.fromSend);
    record("  run.signal round trip (sent → resolved)", mutation);
    record(`event latency in bursts of ${RUNS} concurrent signals (from resolve)`, bursts.fromResolve);
    record(`  bursts, from the signal request sent`, bursts.fromSend);
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
  }
}

// ─── 1. load, 2. drag ───────────────────────────────────────────────────────────────────────────

interface LoadResult {
  tNodes: number | null;
  tVisible: number | null;
  clickTs: number | null;
  tSelected: number | null;
  nodeCount: number;
  domNodes: number;
  domEdges: number;
  longTasks: [number, number][];
  responseEnd: number | null;
  domContentLoaded: number | null;
  workflowGet: { start: number; end: number; bytes: number } | null;
  scriptsEnd: number;
}

/** Opens the designer and clicks the start node as soon as it shows, until it shows selected. */
export async function openDesigner(
  context: BrowserContext,
  workflowId: string,
  beforeNavigation?: (page: Page) => Promise<void>,
): Promise<{ page: Page; result: LoadResult }> {
  const page = await context.newPage();
  await beforeNavigation?.(page);
  await page.goto(`/workflows/${workflowId}`, { waitUntil: "commit" });
  const deadline = performance.now() + 60_000;
  let center: { x: number; y: number } | null = null;
  while (!center) {
    if (performance.now() > deadline) throw new Error("the start node never showed");
    center = (await page.evaluate(START_NODE_CENTER).catch(() => null)) as { x: number; y: number } | null;
    if (!center) await sleep(5);
  }
  for (let attempt = 0; ; attempt++) {
    await page.mouse.click(center.x, center.y);
    const selected = await page
      .waitForFunction("window.__bench.tSelected !== null", null, { timeout: 1_000, polling: 10 })
      .then(() => true)
      .catch(() => false);
    if (selected) break;
    if (attempt >= 10) throw new Error("clicking the start node never selected it");
    // The view may still have been moving (fit view); aim again.
    center = ((await page.evaluate(START_NODE_CENTER)) as { x: number; y: number } | null) ?? center;
  }
  const result = (await page.evaluate(LOAD_RESULT)) as LoadResult;
  return { page, result };
}

export interface DragResult {
  zoom: number;
  mutations: number;
  stray: number;
  /** [event time, handler time, transform changed, next frame] per pointer move. */
  moves: [number, number, number | null, number | null][];
}

/** Drags node `id` to the right in DRAG_STEPS small pointer moves, one every POINTER_INTERVAL_MS (a 60 Hz mouse). */
export async function dragNode(page: Page, id: string): Promise<DragResult> {
  const armed = (await page.evaluate(dragRecorder(id))) as { zoom: number; x: number; y: number };
  // Small steps, but each more than one snap-grid cell (16) in canvas units, so each one shows.
  const step = Math.max(6, Math.ceil(20 * armed.zoom));
  await page.mouse.move(armed.x, armed.y);
  await page.mouse.down();
  const begin = performance.now();
  for (let index = 1; index <= DRAG_STEPS; index++) {
    const wait = begin + index * POINTER_INTERVAL_MS - performance.now();
    if (wait > 0) await sleep(wait);
    await page.mouse.move(armed.x + index * step, armed.y + index * 0.5);
  }
  await sleep(300);
  await page.mouse.up();
  return (await page.evaluate(DRAG_RESULT)) as DragResult;
}

/** Ids of nodes well inside the visible canvas, the start node last. */
export async function nodesInView(page: Page): Promise<string[]> {
  const ids = await page.$$eval(".react-flow__node", (elements) =>
    elements
      .map((element) => ({ id: element.getAttribute("data-id") ?? "", box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.left > 100 && box.right < 1100 && box.top > 120 && box.bottom < 800)
      .map(({ id }) => id),
  );
  return [...ids.filter((id) => id !== "start"), ...ids.filter((id) => id === "start")];
}

/** Opens the workflow and drags DRAGS nodes in view; latencies per pointer move. */
async function dragFigures(context: BrowserContext, workflowId: string) {
  const { page, result } = await openDesigner(context, workflowId);
  try {
    await sleep(1_500);
    const toDom: number[] = [];
    const toFrame: number[] = [];
    let unmatched = 0;
    let total = 0;
    let zoom = 1;
    const targets = (await nodesInView(page)).filter((id) => id !== "start").slice(0, DRAGS);
    if (targets.length === 0) throw new Error("no node to drag in view");
    for (const id of targets) {
      const drag = await dragNode(page, id);
      zoom = drag.zoom;
      for (const [ts, , done, frame] of drag.moves) {
        total++;
        if (done === null) {
          unmatched++;
          continue;
        }
        toDom.push(done - ts);
        if (frame !== null) toFrame.push(frame - ts);
      }
      await sleep(1_500);
    }
    log(`drag: zoom ${zoom.toFixed(2)}, ${result.domNodes} nodes / ${result.domEdges} edges in the DOM, ${total} pointer moves, ${unmatched} never shown`);
    return { toDom, toFrame, edges: result.domEdges };
  } finally {
    await page.close();
  }
}

async function canvasFigures(browser: Browser, baseURL: string, state: StorageState) {
  const context = await browser.newContext({ baseURL, storageState: state, viewport: VIEWPORT });
  try {
    await context.addInitScript({ content: LOAD_PROBE });
    const graph = largeGraph();
    const workflow = await trpcMutation<{ id: string }>(context, "workflow.create", { name: "Bench 1000 nodes", graph });
    log(`canvas: workflow of ${graph.nodes.length} nodes / ${graph.edges.length} edges (${(JSON.stringify(graph).length / 1024).toFixed(0)} KiB)`);

    // 1. Loads: one warm-up (server code paths, browser cache), then LOADS measured ones.
    const interactive: number[] = [];
    const shown: number[] = [];
    const clickToSelected: number[] = [];
    for (let index = 0; index <= LOADS; index++) {
      const { page, result } = await openDesigner(context, workflow.id);
      await page.close();
      const longTotal = result.longTasks.reduce((sum, [, duration]) => sum + duration, 0);
      const longest = result.longTasks.reduce((max, [, duration]) => Math.max(max, duration), 0);
      log(
        `${index === 0 ? "warm-up" : `load ${index}`}: html ${result.responseEnd?.toFixed(0)} ms, DCL ${result.domContentLoaded?.toFixed(0)}, ` +
          `workflow.get ${result.workflowGet ? `${result.workflowGet.start.toFixed(0)}→${result.workflowGet.end.toFixed(0)} (${(result.workflowGet.bytes / 1024).toFixed(0)} KiB)` : "?"}, ` +
          `first node ${result.tNodes?.toFixed(0)}, start shown ${result.tVisible?.toFixed(0)} (${result.nodeCount} node elements), ` +
          `click ${result.clickTs?.toFixed(0)} → selected ${result.tSelected?.toFixed(0)}; long tasks ${result.longTasks.length} = ${longTotal.toFixed(0)} ms (longest ${longest.toFixed(0)}); ` +
          `DOM ${result.domNodes} nodes / ${result.domEdges} edges`,
      );
      if (index === 0) continue;
      interactive.push(result.tSelected!);
      shown.push(result.tVisible!);
      clickToSelected.push(result.tSelected! - result.clickTs!);
    }
    record(`1,000-node workflow: navigation → node click shows selected (interactive)`, interactive, TARGET.loadMs);
    record(`  navigation → start node rendered and measured`, shown);
    record(`  click (input event) → node shows selected`, clickToSelected);

    // 2. Drag: DRAGS drags of DRAG_STEPS pointer moves, one every POINTER_INTERVAL_MS, like a 60 Hz mouse.
    const drag = await dragFigures(context, workflow.id);
    record("drag: pointer move (event time) → node transform updated", drag.toDom, TARGET.dragMs);
    record("  pointer move → next animation frame after the update", drag.toFrame);

    // The same with the shared ends beside the start: ~1,000 long edges in view (culling keeps them).
    const crossing = await trpcMutation<{ id: string }>(context, "workflow.create", { name: "Bench 1000 nodes, ends near start", graph: largeGraph(false) });
    const crossingDrag = await dragFigures(context, crossing.id);
    record(`  drag, ends beside the start (${crossingDrag.edges} edges in the DOM): move → transform`, crossingDrag.toDom);
  } finally {
    await context.close().catch(() => undefined);
  }
}

// ─── run ────────────────────────────────────────────────────────────────────────────────────────

function printTable() {
  const fmt = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
  console.log(`\n  ${"figure".padEnd(84)} ${"n".padStart(5)} ${"median".padStart(8)} ${"p95".padStart(8)} ${"target".padStart(8)}  status`);
  for (const row of rows) {
    const status = row.target === undefined ? "" : row.p95 < row.target ? "ok" : "MISSED";
    const target = row.target === undefined ? "" : `<${row.target}`;
    console.log(
      `  ${row.figure.padEnd(84)} ${String(row.samples).padStart(5)} ${fmt(row.median).padStart(8)} ${fmt(row.p95).padStart(8)} ${target.padStart(8)}  ${status}${row.note ? `  (${row.note})` : ""}`,
    );
  }
  console.log(`  (ms; status compares the p95 with the target; load average ${load()})`);
}

async function run() {
  const server: BenchServer = await startServer({ port: PORT, database: DATABASE, distDir: DIST_DIR, log: SERVER_LOG, timeoutMs: BUILD_TIMEOUT_MS });
  let browser: Browser | undefined;
  const began = performance.now();
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const state = await signIn(browser, server.baseUrl);
    const parts = (process.env.DESIGNER_BENCH_PARTS ?? "events,canvas").split(",");
    if (parts.includes("events")) await subscriptionLatency(browser, server.baseUrl, state);
    if (parts.includes("canvas")) await canvasFigures(browser, server.baseUrl, state);
  } finally {
    printTable();
    log(`measured in ${((performance.now() - began) / 1000).toFixed(0)} s`);
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

export const designerBench: Bench = { name: "designer", run };
