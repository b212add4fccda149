import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";

/** A production server of the app, started by `node src/cli/start.mjs` (which builds when stale). */
export interface BenchServer {
  baseUrl: string;
  /** Seconds spent building (0 when the build was fresh). */
  buildSeconds: number;
  stop: () => Promise<void>;
}

export interface ServerOptions {
  port: number;
  /** SQLite file, relative to the repository; deleted (with -wal/-shm) before start. */
  database: string;
  distDir: string;
  log: string;
  /** How long to wait for the build and start-up. */
  timeoutMs: number;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Kills the whole process group of `child` (start.mjs → next build / next start). */
async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const gone = await Promise.race([exited.then(() => true), sleep(8_000).then(() => false)]);
  if (!gone) {
    signal("SIGKILL");
    await Promise.race([exited, sleep(3_000)]);
  }
}

export async function startServer(options: ServerOptions): Promise<BenchServer> {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${options.database}${suffix}`, { force: true });
  const baseUrl = `http://localhost:${options.port}`;
  const log = createWriteStream(options.log);
  const child = spawn(process.execPath, ["src/cli/start.mjs"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(options.port),
      DATABASE_URL: `file:./${options.database}`,
      NEXT_DIST_DIR: options.distDir,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  let building = false;
  let buildStart = 0;
  let buildSeconds = 0;
  const onOutput = (chunk: Buffer) => {
    log.write(chunk);
    const text = chunk.toString();
    if (!building && /Creating an optimized production build|next build|Building/i.test(text)) {
      building = true;
      buildStart = performance.now();
      console.log(`  building the app (log: ${options.log}) …`);
    }
    if (/Flowgate: http/.test(text) && building) buildSeconds = (performance.now() - buildStart) / 1000;
  };
  child.stdout!.on("data", onOutput);
  child.stderr!.on("data", onOutput);
  const stop = async () => {
    await killGroup(child);
    log.end();
  };
  const onSignal = () => {
    void stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const deadline = performance.now() + options.timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}; see ${options.log}`);
      if (performance.now() > deadline) throw new Error(`the server did not answer within ${options.timeoutMs / 1000} s; see ${options.log}`);
      try {
        const response = await fetch(`${baseUrl}/signin`, { redirect: "manual" });
        if (response.status < 500) break;
      } catch {
        // not listening yet
      }
      await sleep(500);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  console.log(
    `  server up on ${baseUrl}${buildSeconds ? ` after a ${buildSeconds.toFixed(0)} s build` : " (build was fresh)"}; load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(" ")}`,
  );
  return {
    baseUrl,
    buildSeconds,
    stop: async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await stop();
    },
  };
}
