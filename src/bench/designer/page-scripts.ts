/**
 * Code that runs inside the browser pages, as plain JavaScript strings: tsx compiles functions with
 * helpers (`__name`) that do not exist in the page, so nothing here is a serialised TS function.
 * Times are `performance.now()` of the page (milliseconds since its navigation started) unless
 * said otherwise; `performance.timeOrigin + performance.now()` where pages are compared.
 */

/**
 * Installed before a designer page loads (init script). Records, in `window.__bench`:
 * - `tNodes`: the first React Flow node element in the DOM,
 * - `tVisible`: the start node measured and shown (React Flow hides unmeasured nodes),
 * - `clickTs` / `tSelected`: a trusted click's event time and the moment the clicked node shows selected,
 * - `longTasks`: [start, duration] of every long task (> 50 ms) of the main thread.
 */
export const LOAD_PROBE = `(() => {
  if (window.__bench) return;
  const B = (window.__bench = { tNodes: null, tVisible: null, clickTs: null, tSelected: null, nodeCount: 0, longTasks: [] });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) B.longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  addEventListener("pointerdown", (event) => { if (B.clickTs === null) B.clickTs = event.timeStamp; }, true);
  const check = () => {
    if (B.tNodes === null && document.querySelector(".react-flow__node")) B.tNodes = performance.now();
    if (B.tVisible === null) {
      const inner = document.querySelector('[data-testid="node-start"]');
      const wrapper = inner && inner.closest(".react-flow__node");
      const viewport = document.querySelector(".react-flow__viewport");
      if (wrapper && wrapper.style.visibility !== "hidden" && viewport) {
        B.tVisible = performance.now();
        B.nodeCount = document.querySelectorAll(".react-flow__node").length;
      }
    }
    if (B.tSelected === null && B.clickTs !== null && document.querySelector('[data-testid="node-start"].is-selected')) {
      B.tSelected = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  const start = () => observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["class", "style"] });
  if (document.documentElement) start(); else addEventListener("DOMContentLoaded", start);
})();`;

/** Centre of the start node on screen, or null while it is not shown. */
export const START_NODE_CENTER = `(() => {
  const inner = document.querySelector('[data-testid="node-start"]');
  const wrapper = inner && inner.closest(".react-flow__node");
  if (!wrapper || wrapper.style.visibility === "hidden") return null;
  const box = wrapper.getBoundingClientRect();
  return { x: box.left + Math.min(box.width / 2, 60), y: box.top + Math.min(box.height / 2, 18) };
})()`;

/** What the load probe saw, plus navigation and workflow-fetch timings. */
export const LOAD_RESULT = `(() => {
  const B = window.__bench;
  const nav = performance.getEntriesByType("navigation")[0];
  const get = performance.getEntriesByType("resource").filter((entry) => entry.name.includes("workflow.get"));
  const scripts = performance.getEntriesByType("resource").filter((entry) => entry.initiatorType === "script");
  return {
    tNodes: B.tNodes,
    tVisible: B.tVisible,
    clickTs: B.clickTs,
    tSelected: B.tSelected,
    nodeCount: B.nodeCount,
    domNodes: document.querySelectorAll(".react-flow__node").length,
    domEdges: document.querySelectorAll(".react-flow__edge").length,
    longTasks: B.longTasks,
    responseEnd: nav ? nav.responseEnd : null,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    workflowGet: get.length ? { start: get[0].startTime, end: get[0].responseEnd, bytes: get[0].encodedBodySize } : null,
    scriptsEnd: scripts.reduce((max, entry) => Math.max(max, entry.responseEnd), 0),
  };
})()`;

/**
 * Arms the drag recorder for node `id` (a JSON string literal is spliced in): every mousemove
 * while the button is down is stamped (its `timeStamp`: when the input event was created, so queueing
 * on a busy main thread counts), and each change of the node's transform credits the moves it
 * reflects (handled before the change, and their pointer position reached within the snap tolerance),
 * with the time of the change and of the next animation frame after it.
 */
export function dragRecorder(nodeId: string): string {
  return `(() => {
  const id = ${JSON.stringify(nodeId)};
  const wrapper = document.querySelector('.react-flow__node[data-id="' + CSS.escape(id) + '"]');
  const viewport = document.querySelector(".react-flow__viewport");
  const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
  const readX = () => { const match = /translate\\(\\s*(-?[\\d.]+)px/.exec(wrapper.style.transform); return match ? Number(match[1]) : NaN; };
  const R = (window.__drag = { zoom, x0: readX(), downX: null, moves: [], mutations: 0, stray: 0 });
  const tolerance = 17;
  const onDown = (event) => { R.downX = event.clientX; };
  const onMove = (event) => {
    if (!(event.buttons & 1) || R.downX === null) return;
    R.moves.push({ ts: event.timeStamp, handled: performance.now(), expected: R.x0 + (event.clientX - R.downX) / zoom, done: null, frame: null });
  };
  addEventListener("mousedown", onDown, true);
  addEventListener("mousemove", onMove, true);
  const observer = new MutationObserver(() => {
    const now = performance.now();
    const x = readX();
    R.mutations++;
    const credited = [];
    for (const move of R.moves) {
      if (move.done !== null || move.handled > now) continue;
      if (move.expected <= x + tolerance) { move.done = now; credited.push(move); }
    }
    if (credited.length === 0) R.stray++;
    else requestAnimationFrame(() => { const frame = performance.now(); for (const move of credited) move.frame = frame; });
  });
  observer.observe(wrapper, { attributes: true, attributeFilter: ["style"] });
  R.stop = () => { observer.disconnect(); removeEventListener("mousedown", onDown, true); removeEventListener("mousemove", onMove, true); };
  const box = wrapper.getBoundingClientRect();
  return { zoom, x: box.left + Math.min(40, box.width / 2), y: box.top + Math.min(14, box.height / 2) };
})()`;
}

/** Stops the drag recorder and returns its moves. */
export const DRAG_RESULT = `(() => {
  const R = window.__drag;
  R.stop();
  return { zoom: R.zoom, mutations: R.mutations, stray: R.stray, moves: R.moves.map((m) => [m.ts, m.handled, m.done, m.frame]) };
})()`;

/**
 * Opens run.events subscriptions the way @trpc/client's httpSubscriptionLink does (GET, `?input=`
 * the superjson-encoded input, cookies for the session) and stamps every message that carries a
 * bench nonce with `timeOrigin + now()` before parsing it. Resolves once every stream is connected.
 */
export function openSubscriptions(runIds: string[], firstSub: number): string {
  return `(async () => {
  const runIds = ${JSON.stringify(runIds)};
  window.__arrivals = [];
  window.__sources = [];
  window.__errors = 0;
  await Promise.all(runIds.map((runId, index) => new Promise((resolve, reject) => {
    const input = encodeURIComponent(JSON.stringify({ json: { runId } }));
    const source = new EventSource("/api/trpc/run.events?input=" + input);
    const sub = ${firstSub} + index;
    window.__sources.push(source);
    const timer = setTimeout(() => reject(new Error("subscription " + sub + " did not connect")), 20000);
    source.addEventListener("connected", () => { clearTimeout(timer); resolve(); });
    source.onmessage = (event) => {
      const t = performance.timeOrigin + performance.now();
      const match = /bn-(\\d+)-x/.exec(event.data);
      if (match) window.__arrivals.push([sub, runId, Number(match[1]), t, Number(event.lastEventId)]);
    };
    source.onerror = () => { window.__errors++; };
  })));
  return window.__sources.length;
})()`;
}

/** Installs `window.__signal(runId, nonce)`: POST run.signal, stamped at send and at the response. */
export const SIGNAL_DRIVER = `(() => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  window.__signal = async (runId, nonce) => {
    let retries = 0;
    for (;;) {
      const sent = performance.timeOrigin + performance.now();
      const response = await fetch("/api/trpc/run.signal", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { runId, name: "tick", payload: { nonce: "bn-" + nonce + "-x" } } }),
      });
      const resolved = performance.timeOrigin + performance.now();
      const text = await response.text();
      if (response.ok) return { nonce, runId, sent, resolved, retries };
      if (response.status === 409 && retries < 50) { retries++; await sleep(20); continue; }
      throw new Error("run.signal " + response.status + ": " + text.slice(0, 300));
    }
  };
  window.__sleep = sleep;
})()`;

/** Sends `count` signals one at a time, round robin over the runs, with a gap between them. */
export function sequentialSignals(runIds: string[], firstNonce: number, count: number, gapMs: number): string {
  return `(async () => {
  const runIds = ${JSON.stringify(runIds)};
  const records = [];
  for (let index = 0; index < ${count}; index++) {
    records.push(await window.__signal(runIds[index % runIds.length], ${firstNonce} + index));
    await window.__sleep(${gapMs} + Math.random() * ${gapMs});
  }
  return records;
})()`;
}

/** Sends `rounds` bursts of one signal to every run at once. */
export function burstSignals(runIds: string[], firstNonce: number, rounds: number, gapMs: number): string {
  return `(async () => {
  const runIds = ${JSON.stringify(runIds)};
  const records = [];
  for (let round = 0; round < ${rounds}; round++) {
    const batch = await Promise.all(runIds.map((runId, index) => window.__signal(runId, ${firstNonce} + round * runIds.length + index)));
    records.push(...batch);
    await window.__sleep(${gapMs});
  }
  return records;
})()`;
}

export const COLLECT_ARRIVALS = `(() => ({ arrivals: window.__arrivals, errors: window.__errors }))()`;
