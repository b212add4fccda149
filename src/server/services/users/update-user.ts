import type { Prisma } from "~/server/db/generated/client";
import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { recordAudit } from "~/server/services/audit/record-audit";
import { userSummarySelect, type TSetUserActiveInput, type TSetUserRoleInput } from "./user-schemas";

type Change = { role?: string; active?: boolean };

/**
 * Applies a role or active-state change with its audit entry in one transaction.
 *
 * @remarks Refuses a change that would leave no active admin: otherwise nobody could ever manage
 * users again. An admin cannot deactivate their own account for the same reason.
 */
async function updateUser(db: PrismaClient, actor: AuthenticatedUser, userId: string, change: Change) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError("NOT_FOUND", `No user with id ${userId}.`);
    if (change.active === false && user.id === actor.id) {
      throw new AppError("PRECONDITION_FAILED", "You cannot deactivate your own account.");
    }
    const losesAdmin =
      user.role === "admin" && user.active && (change.active === false || (change.role && change.role !== "admin"));
    if (losesAdmin && (await countOtherActiveAdmins(tx, user.id)) === 0) {
      throw new AppError("PRECONDITION_FAILED", "At least one active admin must remain.");
    }
    const updated = await tx.user.update({ where: { id: userId }, data: change, select: userSummarySelect });
    await recordAudit(tx, {
      actorId: actor.id,
      action: change.role !== undefined ? "user.role_changed" : change.active ? "user.reactivated" : "user.deactivated",
      entityType: "User",
      entityId: userId,
      data: { before: { role: user.role, active: user.active }, after: change },
    });
    return updated;
  });
}

function countOtherActiveAdmins(tx: Prisma.TransactionClient, userId: string) {
  return tx.user.count({ where: { role: "admin", active: true, id: { not: userId } } });
}

export function setUserRole(db: PrismaClient, actor: AuthenticatedUser, input: TSetUserRoleInput) {
  return updateUser(db, actor, input.userId, { role: input.role });
}

export function setUserActive(db: PrismaClient, actor: AuthenticatedUser, input: TSetUserActiveInput) {
  return updateUser(db, actor, input.userId, { active: input.active });
}
