import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateGraph, type Graph } from "~/engine";
import { VirtualClock } from "~/server/runtime/clock";
import { Runtime, type RuntimeOptions } from "~/server/runtime/runtime";
import type { TestDb } from "./test-db";

/** A runtime on a test database with a virtual clock and retries that do not wait. */
export function createTestRuntime(testDb: TestDb, options: Partial<RuntimeOptions> = {}) {
  const clock = new VirtualClock(Date.UTC(2026, 10, 2, 9, 0));
  const runtime = new Runtime({
    db: testDb.db,
    clock,
    model: { defaultModel: "gpt-4.1-mini" },
    sleep: () => Promise.resolve(),
    ...options,
  });
  return { runtime, clock };
}

/** Loads and validates a graph from `examples/`. */
export function exampleGraph(name: string): Graph {
  const result = validateGraph(JSON.parse(readFileSync(join(process.cwd(), "examples", `${name}.json`), "utf8")));
  if (!result.ok) throw new Error(`examples/${name}.json is invalid: ${JSON.stringify(result.problems)}`);
  return result.graph;
}
