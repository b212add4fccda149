import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";

import { compile } from "../engine/compile/compile";
import { generateGraph } from "../engine/testing/generate-graph";
import { validateGraph } from "../engine/validate/validate-graph";
import { summarize, type Bench } from "./registry";

const SIZES = [100, 1_000, 5_000];
const TARGETS: Record<number, number> = { 1_000: 50, 5_000: 300 };

function runs(size: number): number {
  return size >= 5_000 ? 15 : size >= 1_000 ? 30 : 100;
}

/**
 * Validate + compile time of generated graphs (a freshly parsed document per run, after warm-up;
 * JSON.parse not timed). Prints the 1-minute load average before and after: on a shared machine,
 * compare medians taken at similar load.
 */
export const engineBench: Bench = {
  name: "engine: validate + compile",
  run: () => {
    const rows: string[] = [];
    const loadBefore = loadavg()[0]!;
    for (const size of SIZES) {
      const text = JSON.stringify(generateGraph(size, size));
      const once = () => {
        const document: unknown = JSON.parse(text);
        const started = performance.now();
        const result = validateGraph(document);
        if (!result.ok) throw new Error(`generated graph of ${size} nodes is invalid: ${result.problems[0]?.message}`);
        compile(result.graph);
        return performance.now() - started;
      };
      for (let warm = 0; warm < 3; warm++) once();
      const { median, p95 } = summarize(Array.from({ length: runs(size) }, once));
      const target = TARGETS[size];
      const verdict = target === undefined ? "" : median < target ? `ok (< ${target} ms)` : `SLOW (target ${target} ms)`;
      rows.push(`${String(size).padStart(6)}  ${median.toFixed(1).padStart(9)}  ${p95.toFixed(1).padStart(9)}  ${verdict}`);
    }
    console.log(` nodes  median ms     p95 ms  target\n${rows.join("\n")}`);
    console.log(`load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
  },
};
