import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPrismaClient, type PrismaClient } from "~/server/db/client";
import { applyMigrations } from "~/server/db/migrate";
import { hashPassword } from "~/server/auth/password";
import type { Role } from "~/server/auth/roles";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";

export type TestDb = { db: PrismaClient; url: string; dispose: () => Promise<void> };

/** A fresh, migrated SQLite file in a temp folder: the same migrations the app applies at start-up. */
export function createTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), "flowgate-test-"));
  const url = `file:${join(dir, "test.db")}`;
  applyMigrations(url);
  const db = createPrismaClient(url);
  return {
    db,
    url,
    dispose: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates an active user with the given role and password; returns them as a session would see them. */
export async function createTestUser(
  db: PrismaClient,
  role: Role,
  options: { email?: string; password?: string; active?: boolean } = {},
): Promise<AuthenticatedUser> {
  const user = await db.user.create({
    data: {
      email: options.email ?? `${role}-${Math.random().toString(36).slice(2, 8)}@test.local`,
      name: `Test ${role}`,
      role,
      active: options.active ?? true,
      passwordHash: await hashPassword(options.password ?? "correct horse battery"),
    },
  });
  return { id: user.id, email: user.email, name: user.name, role };
}
