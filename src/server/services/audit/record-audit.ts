import type { Prisma } from "~/server/db/generated/client";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
};

/** Appends an audit entry inside the caller's transaction, so the change and its record land together. */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: { ...entry, data: JSON.stringify(entry.data ?? {}) },
  });
}
