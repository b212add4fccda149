import type { PrismaClient } from "~/server/db/client";
import { roleSchema } from "~/server/auth/roles";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";

/** Loads a user for a session: only active accounts with a known role count as signed in. */
export async function loadActiveUser(db: PrismaClient, id: string): Promise<AuthenticatedUser | null> {
  const user = await db.user.findUnique({ where: { id } });
  const role = roleSchema.safeParse(user?.role);
  if (!user?.active || !role.success) return null;
  return { id: user.id, email: user.email, name: user.name, role: role.data };
}
