import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/** A FIFO lock: `acquire` resolves with the function that releases it. */
class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return acquired;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

function serializedTransaction(inner: Transaction, release: () => void): Transaction {
  let open = true;
  const end = async (finish: () => Promise<void>) => {
    try {
      await finish();
    } finally {
      if (open) release();
      open = false;
    }
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    queryRaw: (query: SqlQuery) => inner.queryRaw(query),
    executeRaw: (query: SqlQuery) => inner.executeRaw(query),
    commit: () => end(() => inner.commit()),
    rollback: () => end(() => inner.rollback()),
  };
}

/** The driver transaction open on a connection right now, if any (the lock allows one at a time). */
export type OpenTransaction = { current: Transaction | undefined };

function serializedAdapter(inner: SqlDriverAdapter, open: OpenTransaction): SqlDriverAdapter {
  const lock = new Lock();
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => lock.run(() => inner.queryRaw(query)),
    executeRaw: (query) => lock.run(() => inner.executeRaw(query)),
    executeScript: (script) => lock.run(() => inner.executeScript(script)),
    async startTransaction(isolationLevel) {
      const release = await lock.acquire();
      try {
        const transaction = await inner.startTransaction(isolationLevel);
        open.current = transaction;
        return serializedTransaction(transaction, () => {
          open.current = undefined;
          release();
        });
      } catch (error) {
        release();
        throw error;
      }
    },
    ...(inner.getConnectionInfo ? { getConnectionInfo: () => inner.getConnectionInfo!() } : {}),
    dispose: () => inner.dispose(),
  };
}

/**
 * Wraps a single-connection SQLite adapter so that a query made outside a transaction waits
 * while a transaction is open.
 *
 * @remarks better-sqlite3 has one connection. Its adapter keeps transactions apart from each
 * other, but an ordinary query issued while an interactive transaction awaits would run inside
 * that transaction, and vanish if it rolls back, although it was reported as done. With one lock
 * for both, every statement belongs to exactly the transaction that issued it. Code inside a
 * transaction must use the transaction client (`tx`), never the outer client, or it waits for
 * itself until the transaction times out.
 */
export function serializeQueries(factory: SqlDriverAdapterFactory, open: OpenTransaction = { current: undefined }): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serializedAdapter(await factory.connect(), open),
  };
}
