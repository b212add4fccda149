import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { recordAudit } from "~/server/services/audit/record-audit";
import type { TArchiveWorkflowInput } from "./workflow-schemas";

/** Archives a workflow (hidden from the list by default, its draft read-only) or brings it back. */
export async function archiveWorkflow(db: PrismaClient, actor: AuthenticatedUser, input: TArchiveWorkflowInput) {
  return db.$transaction(async (tx) => {
    const exists = await tx.workflow.findUnique({ where: { id: input.workflowId }, select: { id: true } });
    if (!exists) throw new AppError("NOT_FOUND", `No workflow with id ${input.workflowId}.`);
    const workflow = await tx.workflow.update({
      where: { id: input.workflowId },
      data: { archived: input.archived, updatedById: actor.id },
      select: { id: true, archived: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.archived ? "workflow.archived" : "workflow.unarchived",
      entityType: "Workflow",
      entityId: workflow.id,
    });
    return workflow;
  });
}
