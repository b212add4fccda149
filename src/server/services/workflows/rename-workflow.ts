import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { recordAudit } from "~/server/services/audit/record-audit";
import type { TRenameWorkflowInput } from "./workflow-schemas";

/** Renames a workflow (its list name; the draft graph and its revision are left alone). */
export async function renameWorkflow(db: PrismaClient, actor: AuthenticatedUser, input: TRenameWorkflowInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.workflow.findUnique({ where: { id: input.workflowId }, select: { name: true } });
    if (!before) throw new AppError("NOT_FOUND", `No workflow with id ${input.workflowId}.`);
    const workflow = await tx.workflow.update({
      where: { id: input.workflowId },
      data: { name: input.name, updatedById: actor.id },
      select: { id: true, name: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "workflow.renamed",
      entityType: "Workflow",
      entityId: workflow.id,
      data: { before: before.name, after: workflow.name },
    });
    return workflow;
  });
}
