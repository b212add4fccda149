import type { PrismaClient } from "~/server/db/client";
import { decoyHash, verifyPassword } from "~/server/auth/password";
import { roleSchema, type Role } from "~/server/auth/roles";
import { AppError } from "~/server/errors";

export type AuthenticatedUser = { id: string; email: string; name: string; role: Role };

export type LoginLimits = { maxFailures: number; windowMinutes: number };

/**
 * Checks an email and password. Returns the user, or `null` for any wrong credential, unknown
 * email or deactivated account alike (the caller shows one message that reveals nothing).
 *
 * @remarks Failures are counted per email and per client address in the database, so the limit
 * holds across processes; past the limit every attempt is refused with TOO_MANY_REQUESTS before
 * the password is even checked. Unknown emails still spend a full hash so timing reveals nothing.
 */
export async function authenticateWithPassword(
  db: PrismaClient,
  limits: LoginLimits,
  attempt: { email: string; password: string; ip: string },
): Promise<AuthenticatedUser | null> {
  const email = attempt.email.trim().toLowerCase();
  const since = new Date(Date.now() - limits.windowMinutes * 60_000);
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip: attempt.ip, success: false, createdAt: { gte: since } } }),
  ]);
  // An address gets more room than one account: several people may share a gateway.
  if (byEmail >= limits.maxFailures || byIp >= limits.maxFailures * 4) {
    throw new AppError("TOO_MANY_REQUESTS", "Too many failed sign-in attempts. Try again later.");
  }

  const user = await db.user.findUnique({ where: { email } });
  const valid = user?.passwordHash
    ? await verifyPassword(attempt.password, user.passwordHash)
    : await verifyPassword(attempt.password, await decoyHash()).then(() => false);
  const success = Boolean(valid && user?.active);
  await db.loginAttempt.create({ data: { email, ip: attempt.ip, success } });
  if (!success || !user) return null;
  return { id: user.id, email: user.email, name: user.name, role: roleSchema.parse(user.role) };
}
