import { parseArgs } from "node:util";

import { verifyLedger } from "../../server/runtime/ledger/verify-ledger";
import type { Command } from "../command";
import { openExistingDatabase } from "../run/database";

const USAGE = "verify-ledger RUN_ID [--db PATH]";
const DEFAULT_DATABASE = "file:./data/flowgate.db";

/**
 * `flowgate verify-ledger RUN_ID [--db PATH]`: checks a run's hash chain. Prints
 * `{"ok":true,"rows":n,"lastHash":…}` (exit 0) or the broken row (exit 1). The database is
 * `--db`, else `DATABASE_URL`, else `./data/flowgate.db`.
 */
export const verifyLedgerCommand: Command = {
  name: "verify-ledger",
  usage: USAGE,
  summary: "Check a run's hash-chained ledger; prints {ok, rows, lastHash} or the first broken row.",
  run: async (args, io) => {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { db: { type: "string" } } });
    } catch (error) {
      io.stderr(`${error instanceof Error ? error.message : String(error)}\nUsage: flowgate ${USAGE}\n`);
      return 2;
    }
    const [runId, ...extra] = parsed.positionals;
    if (!runId || extra.length > 0) {
      io.stderr(`${runId ? `Expected one RUN_ID, got ${parsed.positionals.join(" ")}.` : "Missing RUN_ID argument."}\nUsage: flowgate ${USAGE}\n`);
      return 2;
    }
    const target = parsed.values.db ?? (process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE);
    const opened = openExistingDatabase(target);
    if (!opened) {
      io.stderr(`No database at ${target}.\n`);
      return 2;
    }
    const { db, file } = opened;
    try {
      const run = await db.run.findUnique({ where: { id: runId }, select: { id: true } });
      if (!run) {
        io.stderr(`No run with id ${runId} in ${file}.\n`);
        return 1;
      }
      const rows = await db.runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" } });
      const verdict = verifyLedger(rows);
      if (verdict.ok) {
        io.stdout(`${JSON.stringify(verdict)}\n`);
        return 0;
      }
      io.stdout(`${JSON.stringify(verdict)}\n`);
      io.stderr(`Ledger of run ${runId} is broken at seq ${verdict.seq}: ${verdict.problem}\n`);
      return 1;
    } catch (error) {
      io.stderr(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    } finally {
      await db.$disconnect();
    }
  },
};
