#!/usr/bin/env node
// Entry point of `npx flowgate`: loads the TypeScript sources through tsx, then dispatches.
// The repository's tsconfig is named explicitly so its `~/*` path alias resolves from any cwd.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
