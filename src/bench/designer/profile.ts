/**
 * Profiles the designer bench's two canvas figures (not part of `npm run bench`):
 *   npx tsx src/bench/designer/profile.ts
 * Builds the app unmangled (`next build --no-mangling`, own dist folder) so profile frames keep their
 * function names, serves it on its own port and database, then records a V8 CPU profile and a
 * Chromium trace of one 1,000-node load and of one drag, and prints where the main thread's time goes.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { chromium, type CDPSession, type Page } from "playwright-core";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../../e2e/chromium";
import { dragNode, largeGraph, nodesInView, openDesigner, signIn, trpcMutation, VIEWPORT } from "../designer.bench";
import { LOAD_PROBE } from "./page-scripts";
import { startServer } from "./server";

const PORT = 3301;
const DIST_DIR = ".next-bench-prof";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  parent?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const file = url.replace(/^.*\/_next\/static\//, "").replace(/^https?:\/\/[^/]+/, "");
  return `${functionName || "(anonymous)"} ${file ? `${file}:${lineNumber + 1}:${columnNumber + 1}` : ""}`.trim();
}

/** Self and inclusive milliseconds per function, top `limit` of each. */
function summariseProfile(title: string, profile: CpuProfile, limit = 30) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) byId.get(child)!.parent = node.id;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0) / 1000;
    const node = byId.get(id)!;
    total += ms;
    const name = frameName(node);
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cursor: ProfileNode | undefined = node; cursor; cursor = cursor.parent === undefined ? undefined : byId.get(cursor.parent)) {
      const key = frameName(cursor);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  });
  const top = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, ms]) => `    ${ms.toFixed(1).padStart(8)} ms  ${name}`)
      .join("\n");
  console.log(`\n## ${title}: ${total.toFixed(0)} ms sampled\n  self time:\n${top(self)}\n  inclusive time:\n${top(inclusive)}`);
}

/** Main-thread trace events by name (top-level durations), from a Chromium trace: the busiest renderer main thread. */
function summariseTrace(title: string, trace: Buffer) {
  interface TraceEvent {
    name: string;
    ph: string;
    dur?: number;
    tid: number;
    pid: number;
    cat: string;
    args?: { name?: string };
  }
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(events.filter((event) => event.name === "thread_name" && event.args?.name === "CrRendererMain").map((event) => `${event.pid}:${event.tid}`));
  const busy = new Map<string, number>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph === "X" && event.name === "RunTask" && mains.has(key)) busy.set(key, (busy.get(key) ?? 0) + (event.dur ?? 0));
  }
  const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const totals = new Map<string, number>();
  for (const event of events) {
    if (event.ph !== "X" || !event.dur || `${event.pid}:${event.tid}` !== main) continue;
    totals.set(event.name, (totals.get(event.name) ?? 0) + event.dur / 1000);
  }
  const lines = [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 28)
    .map(([name, ms]) => `    ${ms.toFixed(1).padStart(8)} ms  ${name}`)
    .join("\n");
  console.log(`\n## ${title}: main-thread trace events (nested events counted in their parents too)\n${lines}`);
}

async function profiled<T>(session: CDPSession, title: string, work: () => Promise<T>): Promise<T> {
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: 250 });
  await session.send("Profiler.start");
  const result = await work();
  const { profile } = (await session.send("Profiler.stop")) as unknown as { profile: CpuProfile };
  const file = `data/bench-designer-${title.replace(/\W+/g, "-")}.cpuprofile`;
  writeFileSync(file, JSON.stringify(profile));
  summariseProfile(`${title} (${file})`, profile);
  return result;
}

async function main() {
  console.log(`building ${DIST_DIR} unmangled …  [load ${loadavg().map((value) => value.toFixed(2)).join(" ")}]`);
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build", "--no-mangling"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("the profiling build failed");
  const server = await startServer({ port: PORT, database: "data/bench-designer-prof.db", distDir: DIST_DIR, log: "data/bench-designer-prof.log", timeoutMs: 600_000 });
  if (server.buildSeconds > 0) console.log("  warning: start.mjs rebuilt (sources changed), so names may be mangled");
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const state = await signIn(browser, server.baseUrl);
    const context = await browser.newContext({ baseURL: server.baseUrl, storageState: state, viewport: VIEWPORT });
    await context.addInitScript({ content: LOAD_PROBE });
    const workflow = await trpcMutation<{ id: string }>(context, "workflow.create", { name: "Profile 1000 nodes", graph: largeGraph() });
    (await openDesigner(context, workflow.id)).page.close(); // warm-up
    let session: CDPSession | undefined;
    let tracedPage: Page | undefined;
    const { page, result } = await openDesigner(context, workflow.id, async (fresh) => {
      tracedPage = fresh;
      session = await context.newCDPSession(fresh);
      await session.send("Profiler.enable");
      await session.send("Profiler.setSamplingInterval", { interval: 250 });
      await session.send("Profiler.start");
      await browser.startTracing(fresh, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink"] });
    });
    const trace = await browser.stopTracing();
    const { profile } = (await session!.send("Profiler.stop")) as unknown as { profile: CpuProfile };
    writeFileSync("data/bench-designer-load.cpuprofile", JSON.stringify(profile));
    console.log(`\nload: start shown ${result.tVisible?.toFixed(0)} ms, selected ${result.tSelected?.toFixed(0)} ms, long tasks ${JSON.stringify(result.longTasks.map(([start, duration]) => [Math.round(start), Math.round(duration)]))}`);
    summariseProfile("load (data/bench-designer-load.cpuprofile)", profile);
    summariseTrace("load", trace);
    void tracedPage;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const target = (await nodesInView(page))[0]!;
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink"] });
    const drag = await profiled(session!, "drag", () => dragNode(page, target));
    summariseTrace("drag", await browser.stopTracing());
    const latencies = drag.moves.filter(([, , done]) => done !== null).map(([ts, , done]) => Math.round(done! - ts));
    console.log(`\ndrag of ${target}: move → transform ${JSON.stringify(latencies)}`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
