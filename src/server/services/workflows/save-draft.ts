import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { serializeDraft } from "./parse-graph";
import type { TSaveDraftInput } from "./workflow-schemas";

/**
 * Saves a draft if nobody saved since `expectedRevision` (compare-and-set in one statement), so
 * two editors never overwrite each other silently: the later one gets a CONFLICT.
 */
export async function saveDraft(db: PrismaClient, actor: AuthenticatedUser, input: TSaveDraftInput) {
  const draftGraph = serializeDraft(input.graph);
  const { count } = await db.workflow.updateMany({
    where: { id: input.workflowId, draftRevision: input.expectedRevision, archived: false },
    data: { draftGraph, draftRevision: { increment: 1 }, updatedById: actor.id },
  });
  if (count === 0) {
    const current = await db.workflow.findUnique({ where: { id: input.workflowId }, select: { draftRevision: true, archived: true } });
    if (!current) throw new AppError("NOT_FOUND", `No workflow with id ${input.workflowId}.`);
    if (current.archived) throw new AppError("PRECONDITION_FAILED", "This workflow is archived.");
    throw new AppError(
      "CONFLICT",
      `Someone else saved this workflow (revision ${current.draftRevision}) after you opened revision ${input.expectedRevision}. Reload or fork it.`,
    );
  }
  return { revision: input.expectedRevision + 1 };
}
