import { execFile } from "node:child_process";
import { resolve } from "node:path";

/** The repository root and the CLI's bin, for tests that spawn the real command line. */
export const REPO = resolve(__dirname, "../../..");
export const BIN = resolve(REPO, "src/cli/flowgate.mjs");

export type CliResult = { code: number; stdout: string; stderr: string; lines: Record<string, unknown>[] };

/**
 * Runs `node src/cli/flowgate.mjs …args` as a child process (no model key, no secrets) and
 * collects its output; `lines` are the stdout lines parsed as JSON (non-JSON lines skipped).
 */
export function spawnCli(args: string[], options: { cwd?: string } = {}): Promise<CliResult> {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith("OPENAI_") || name.startsWith("FLOWGATE_SECRET_") || name === "DATABASE_URL") delete env[name];
  }
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      const lines = stdout
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      done({ code, stdout, stderr, lines });
    });
  });
}
