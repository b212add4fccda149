import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The CLI does not read .env when a config file exists; the datasource url must still resolve,
// otherwise it tries to download a native engine (impossible offline).
process.env.DATABASE_URL ??= "file:./data/flowgate.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/flowgate.db" });
  },
});
