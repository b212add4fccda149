import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/server/testing/test-db";
import { applyMigrations } from "./migrate";
import { DEMO_USERS, seedDemoData } from "./seed";
import { sqliteFilePath } from "./sqlite-path";

let testDb: TestDb;
beforeAll(() => {
  testDb = createTestDb();
});
afterAll(() => testDb.dispose());

describe("migrations", () => {
  it("records each applied migration in _prisma_migrations with Prisma's checksum", () => {
    const raw = new Database(sqliteFilePath(testDb.url), { readonly: true });
    const rows = raw.prepare(`SELECT migration_name, checksum, finished_at FROM _prisma_migrations`).all() as {
      migration_name: string;
      checksum: string;
      finished_at: string | null;
    }[];
    raw.close();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const sql = readFileSync(join("prisma", "migrations", row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("applies nothing the second time and keeps existing rows", async () => {
    await testDb.db.user.create({ data: { email: "keep@test.local", name: "Keep", role: "designer" } });
    expect(applyMigrations(testDb.url)).toEqual([]);
    expect(await testDb.db.user.count({ where: { email: "keep@test.local" } })).toBe(1);
  });
});

describe("demo seed", () => {
  it("seeds demo users only into a database without users", async () => {
    expect(await seedDemoData(testDb.db)).toBe(false);
    await testDb.db.user.deleteMany();
    expect(await seedDemoData(testDb.db)).toBe(true);
    expect(await seedDemoData(testDb.db)).toBe(false);
    const roles = (await testDb.db.user.findMany()).map((user) => user.role).sort();
    expect(roles).toEqual(DEMO_USERS.map((user) => user.role).sort());
    expect(roles.filter((role) => role === "approver")).toHaveLength(2);
  });
});
