#!/usr/bin/env node
// `npm start`: (re)builds the app when the sources are newer than the last production build, then
// serves it. The server itself migrates the database and seeds demo users on start-up
// (src/instrumentation.ts).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const port = process.env.PORT ?? "3000";
const env = { NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: `http://localhost:${port}`, ...process.env };

function run(args) {
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", ...args], { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

const buildId = join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
const sources = ["src", "public", "package.json", "next.config.js"].filter(existsSync);
const stale = !existsSync(buildId) || Math.max(...sources.map(newestChange)) > statSync(buildId).mtimeMs;
if (stale) run(["build"]);
console.log(`Flowgate: http://localhost:${port}`);
run(["start", "--port", port]);
