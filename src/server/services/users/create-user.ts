import type { PrismaClient } from "~/server/db/client";
import { hashPassword } from "~/server/auth/password";
import { AppError } from "~/server/errors";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { recordAudit } from "~/server/services/audit/record-audit";
import { userSummarySelect, type TCreateUserInput } from "./user-schemas";

/** Creates a user with a hashed password; an email already in use is a CONFLICT. */
export async function createUser(db: PrismaClient, actor: AuthenticatedUser, input: TCreateUserInput) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `A user with the email ${input.email} already exists.`);
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: userSummarySelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.created",
      entityType: "User",
      entityId: user.id,
      data: { email: user.email, role: user.role },
    });
    return user;
  });
}
