import type { PrismaClient } from "~/server/db/client";
import { z } from "zod";

export const ZListAuditInput = z.object({ limit: z.number().int().min(1).max(200).default(100) }).default({ limit: 100 });
export type TListAuditInput = z.infer<typeof ZListAuditInput>;

/** The newest audit entries first, with who made each change. */
export function listAudit(db: PrismaClient, input: TListAuditInput) {
  return db.auditLog.findMany({
    take: input.limit,
    orderBy: { createdAt: "desc" },
    include: { actor: { select: { name: true, email: true } } },
  });
}
