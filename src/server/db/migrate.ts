import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { sqliteFilePath } from "./sqlite-path";

const MIGRATIONS_DIR = join(process.cwd(), "prisma", "migrations");

/**
 * Applies the checked-in migrations that the database has not seen yet, in name order.
 *
 * @remarks Records each one in Prisma's own `_prisma_migrations` table with the same checksum
 * (SHA-256 of `migration.sql`), so `prisma migrate deploy` and `prisma migrate status` agree with
 * what the app applied. Each migration runs in its own transaction; a failed one is rolled back
 * and stops start-up. Never pushes the schema over existing data.
 *
 * @returns the names of the migrations applied by this call.
 */
export function applyMigrations(databaseUrl: string, migrationsDir = MIGRATIONS_DIR): string[] {
  const file = sqliteFilePath(databaseUrl);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL,
      "checksum" TEXT NOT NULL,
      "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL,
      "logs" TEXT,
      "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
    )`);
    const applied = new Set(
      db
        .prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
        .pluck()
        .all() as string[],
    );
    const pending = readdirSync(/*turbopackIgnore: true*/ migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !applied.has(entry.name))
      .map((entry) => entry.name)
      .sort();
    for (const name of pending) {
      const sql = readFileSync(/*turbopackIgnore: true*/ join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      // IMMEDIATE takes the write lock first, so two processes starting together cannot both apply.
      db.transaction(() => {
        const done = db
          .prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL`)
          .get(name);
        if (done) return;
        db.exec(sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count, started_at)
           VALUES (?, ?, ?, ?, 1, ?)`,
        ).run(randomUUID(), checksum, new Date().toISOString(), name, new Date().toISOString());
      }).immediate();
    }
    return pending;
  } finally {
    db.close();
  }
}
