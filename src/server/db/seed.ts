import type { PrismaClient } from "./client";
import { hashPassword } from "~/server/auth/password";
import type { Role } from "~/server/auth/roles";

export const DEMO_PASSWORD = "flowgate-demo";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "designer@flowgate.local", name: "Dana Designer", role: "designer" },
  { email: "approver@flowgate.local", name: "Avery Approver", role: "approver" },
  { email: "approver2@flowgate.local", name: "Blake Approver", role: "approver" },
  { email: "admin@flowgate.local", name: "Ada Admin", role: "admin" },
];

/**
 * Seeds the demo users into an empty database. A database that already has any user is left as
 * it is, so starting again never re-seeds over people's data.
 *
 * @returns whether anything was seeded.
 */
export async function seedDemoData(db: PrismaClient): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    for (const user of DEMO_USERS) await tx.user.create({ data: { ...user, passwordHash } });
  });
  return true;
}
