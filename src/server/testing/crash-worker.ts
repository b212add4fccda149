/**
 * A Flowgate server process for the crash-recovery test (`src/server/runtime/crash-recovery.test.ts`):
 * a runtime on the SQLite file named by `CRASH_DB_URL` that resumes every unfinished run, fires
 * timers on the real clock, starts the runs listed in `CRASH_START_FILE` (if given), then keeps
 * running until it is killed. SIGTERM shuts it down cleanly.
 *
 * Reports progress as JSON lines on stdout: `{"event":"recovered","runs":n}`, `{"event":"started","runs":n}`.
 *
 * @example CRASH_DB_URL=file:/tmp/x.db CRASH_DIR=/tmp/x node --import tsx src/server/testing/crash-worker.ts
 */
import { readFileSync } from "node:fs";
import { createPrismaClient } from "~/server/db/client";
import { systemClock } from "~/server/runtime/clock";
import { BUILTIN_CONNECTORS } from "~/server/runtime/connectors/builtin";
import { Runtime } from "~/server/runtime/runtime";
import { CRASH_GRAPHS, slowConnector, type CrashRunSpec } from "./crash-fixtures";

const say = (message: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(message)}\n`);

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const db = createPrismaClient(required("CRASH_DB_URL"));
  const runtime = new Runtime({
    db,
    clock: systemClock,
    model: { defaultModel: "gpt-4.1-mini" },
    connectors: [...BUILTIN_CONNECTORS, slowConnector(required("CRASH_DIR"))],
  });
  // The test holds our stdin open; when it goes away (even killed), so do we.
  process.stdin.on("end", () => process.exit(0)).resume();
  process.on("unhandledRejection", (error) => console.error("[crash-worker] unhandled rejection:", error));
  process.on("SIGTERM", () => {
    void runtime
      .shutdown()
      .then(() => db.$disconnect())
      .finally(() => process.exit(0));
  });

  const resumed = await runtime.recover();
  say({ event: "recovered", runs: resumed.length });
  runtime.startTimers(100);

  const startFile = process.env.CRASH_START_FILE;
  if (startFile) {
    const specs = JSON.parse(readFileSync(startFile, "utf8")) as CrashRunSpec[];
    const batch = Number(process.env.CRASH_BATCH ?? 6);
    const gapMs = Number(process.env.CRASH_BATCH_GAP_MS ?? 150);
    // Started in staggered batches, so that at any moment runs are at different points.
    for (let index = 0; index < specs.length; index += batch) {
      await Promise.all(
        specs.slice(index, index + batch).map((spec) =>
          runtime.startRun({
            workflowId: spec.workflowId,
            versionId: null,
            graph: CRASH_GRAPHS[spec.graph],
            input: spec.input,
            shadow: false,
            startedById: null,
            idempotencyKey: spec.idempotencyKey,
          }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    say({ event: "started", runs: specs.length });
  }
  // The timer loop and the live executors keep the process alive; this keeps it alive when idle.
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  console.error("[crash-worker] failed:", error);
  process.exit(1);
});
