import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { recordAudit } from "~/server/services/audit/record-audit";
import { requireValidGraph } from "./parse-graph";
import type { TRollbackInput } from "./workflow-schemas";

/**
 * Rolls a workflow back to an earlier version: publishes a new version with that version's graph
 * (note "Rollback to vN", plus the given note) and makes it the draft.
 *
 * @remarks The draft revision is bumped, so an editor still open on the old draft gets a CONFLICT
 * on its next save instead of silently overwriting the rollback. History is never rewritten.
 */
export async function rollbackVersion(db: PrismaClient, actor: AuthenticatedUser, input: TRollbackInput) {
  return db.$transaction(async (tx) => {
    const workflow = await tx.workflow.findUnique({ where: { id: input.workflowId }, select: { id: true, archived: true } });
    if (!workflow) throw new AppError("NOT_FOUND", `No workflow with id ${input.workflowId}.`);
    if (workflow.archived) throw new AppError("PRECONDITION_FAILED", "This workflow is archived.");
    const target = await tx.workflowVersion.findUnique({ where: { id: input.versionId } });
    if (!target || target.workflowId !== workflow.id) {
      throw new AppError("NOT_FOUND", `Workflow ${input.workflowId} has no version with id ${input.versionId}.`);
    }
    const graph = JSON.stringify(requireValidGraph(target.graph, `Version ${target.version}`));
    const latest = await tx.workflowVersion.findFirst({ where: { workflowId: workflow.id }, orderBy: { version: "desc" }, select: { version: true } });
    const note = [`Rollback to v${target.version}`, input.note].filter(Boolean).join(": ");
    const version = await tx.workflowVersion.create({
      data: { workflowId: workflow.id, version: (latest?.version ?? 0) + 1, graph, note, createdById: actor.id },
      select: { id: true, version: true, note: true, createdAt: true },
    });
    const { draftRevision } = await tx.workflow.update({
      where: { id: workflow.id },
      data: { draftGraph: graph, draftRevision: { increment: 1 }, updatedById: actor.id },
      select: { draftRevision: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "workflow.rolled_back",
      entityType: "Workflow",
      entityId: workflow.id,
      data: { toVersion: target.version, version: version.version, note },
    });
    return { ...version, draftRevision };
  });
}
