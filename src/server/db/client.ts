import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { serializeQueries, type OpenTransaction } from "./serialized-adapter";
import { sqliteFilePath } from "./sqlite-path";

const openTransactions = new WeakMap<PrismaClient, OpenTransaction>();

/** Opens a Prisma client on a SQLite file through the better-sqlite3 driver adapter. */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  const open: OpenTransaction = { current: undefined };
  const adapter = serializeQueries(new PrismaBetterSQLite3({ url: sqliteFilePath(databaseUrl), timeout: 10_000 }), open);
  const client = new PrismaClient({ adapter });
  openTransactions.set(client, open);
  return client;
}

/**
 * Runs one SQL statement inside the interactive transaction that is open on `db` right now
 * (call it from within `db.$transaction(async (tx) => …)`), straight on the driver.
 *
 * @remarks For the group commit's large multi-row statements: Prisma's raw-query path
 * re-serialises every parameter through its query engine, which costs more than SQLite's own
 * work. Parameters are plain values (strings, numbers, booleans, dates, null), mapped by the
 * driver adapter exactly as Prisma would map them.
 * @returns the number of rows changed.
 */
export function executeInOpenTransaction(db: PrismaClient, sql: string, args: unknown[]): Promise<number> {
  const transaction = openTransactions.get(db)?.current;
  if (!transaction) throw new Error("executeInOpenTransaction needs an open transaction on this client.");
  return transaction.executeRaw({ sql, args, argTypes: args.map(() => ({ scalarType: "unknown" as const, arity: "scalar" as const })) });
}

export type { PrismaClient };
