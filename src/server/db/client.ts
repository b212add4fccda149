import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { serializeQueries } from "./serialized-adapter";
import { sqliteFilePath } from "./sqlite-path";

/** Opens a Prisma client on a SQLite file through the better-sqlite3 driver adapter. */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = serializeQueries(new PrismaBetterSQLite3({ url: sqliteFilePath(databaseUrl), timeout: 10_000 }));
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
