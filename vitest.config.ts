import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const resolveLocal = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "~": resolveLocal("./src"),
      // `server-only` throws outside React Server Components; its own empty entry is what RSC loads.
      "server-only": resolveLocal("./node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
