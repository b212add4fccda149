import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { createPrismaClient, type PrismaClient } from "../../server/db/client";
import { applyMigrations } from "../../server/db/migrate";
import { seedExampleData } from "../../server/db/seed-examples";

/** The repository root, found from this file so the CLI works from any cwd. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MIGRATIONS_DIR = join(REPO_ROOT, "prisma", "migrations");

/** Who the CLI names as the creator of what it seeds; the CLI has no users. */
const CLI_ACTOR = "cli";

/**
 * Turns a `--db` value (a path, or a `file:` URL as in `DATABASE_URL`) into an absolute
 * `file:` URL and file path, resolved against the cwd.
 *
 * @example sqliteTarget("data/x.db") // { url: "file:/repo/data/x.db", file: "/repo/data/x.db" }
 */
export function sqliteTarget(pathOrUrl: string): { url: string; file: string } {
  const file = resolve(pathOrUrl.replace(/^file:/, "").replace(/\?.*$/, ""));
  return { url: `file:${file}`, file };
}

export interface RunDatabase {
  db: PrismaClient;
  /** The SQLite file. */
  file: string;
  /** Whether the file outlives the command (`--db PATH`). */
  kept: boolean;
  /** Disconnects, and deletes the temporary folder unless the database is kept. */
  dispose: () => Promise<void>;
}

/**
 * Opens the database a `flowgate run` uses: a fresh file in a temporary folder, or the file at
 * `keepAt`. Either way it is migrated and seeded with the example business data (purchase orders,
 * the `ticket-routing` rule table, the example workflows); both steps are idempotent.
 */
export async function openRunDatabase(keepAt: string | undefined): Promise<RunDatabase> {
  const dir = keepAt ? undefined : mkdtempSync(join(tmpdir(), "flowgate-run-"));
  const { url, file } = sqliteTarget(keepAt ?? join(dir!, "flowgate.db"));
  const removeDir = () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  let db: PrismaClient | undefined;
  try {
    applyMigrations(url, MIGRATIONS_DIR);
    db = createPrismaClient(url);
    await seedFromRepoRoot(db);
  } catch (error) {
    await db?.$disconnect();
    removeDir();
    throw error;
  }
  const client = db;
  return {
    db: client,
    file,
    kept: Boolean(keepAt),
    dispose: async () => {
      await client.$disconnect();
      removeDir();
    },
  };
}

/** `seedExampleData` reads `examples/` under the cwd, so it runs with the repository root as cwd. */
async function seedFromRepoRoot(db: PrismaClient): Promise<void> {
  const cwd = process.cwd();
  process.chdir(REPO_ROOT);
  try {
    await seedExampleData(db, { createdById: CLI_ACTOR });
  } finally {
    process.chdir(cwd);
  }
}

/**
 * Opens an existing database read-only in spirit (no migrations, no seeding), for commands that
 * inspect one. Returns undefined when there is no file.
 */
export function openExistingDatabase(pathOrUrl: string): { db: PrismaClient; file: string } | undefined {
  const { url, file } = sqliteTarget(pathOrUrl);
  if (!existsSync(file)) return undefined;
  return { db: createPrismaClient(url), file };
}
