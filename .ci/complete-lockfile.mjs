#!/usr/bin/env node
// The registry mirror on our machines lacks some other-platform builds of optional native packages
// (for example @next/swc-darwin-arm64), so `npm install` here leaves them out of package-lock.json
// and `npm ci` then refuses the lock as out of sync. This adds each declared-but-missing optional
// dependency as an optional entry: npm ci accepts the lock, and on a platform that does not match
// it skips the package as it does any optional dependency that cannot be installed.
// Run it after every `npm install` that changes the lock: `node .ci/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;
let added = 0;

for (const [path, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ""}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    packages[`node_modules/${name}`] = { version: range, dev: entry.dev, optional: true };
    if (!entry.dev) delete packages[`node_modules/${name}`].dev;
    added++;
  }
}

const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional entr${added === 1 ? "y" : "ies"}`);
