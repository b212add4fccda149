import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { recordAudit } from "~/server/services/audit/record-audit";
import type { TWorkflowIdInput } from "./workflow-schemas";

const MAX_NAME = 120;
const COPY_SUFFIX = " (copy)";

/** Creates a new workflow "<name> (copy)" whose draft is the source's current draft; no versions are copied. */
export async function duplicateWorkflow(db: PrismaClient, actor: AuthenticatedUser, input: TWorkflowIdInput) {
  return db.$transaction(async (tx) => {
    const source = await tx.workflow.findUnique({
      where: { id: input.workflowId },
      select: { id: true, name: true, description: true, draftGraph: true },
    });
    if (!source) throw new AppError("NOT_FOUND", `No workflow with id ${input.workflowId}.`);
    const name = `${source.name.slice(0, MAX_NAME - COPY_SUFFIX.length)}${COPY_SUFFIX}`;
    const workflow = await tx.workflow.create({
      data: { name, description: source.description, draftGraph: source.draftGraph, createdById: actor.id, updatedById: actor.id },
      select: { id: true, name: true, draftRevision: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "workflow.duplicated",
      entityType: "Workflow",
      entityId: workflow.id,
      data: { name, sourceId: source.id },
    });
    return workflow;
  });
}
