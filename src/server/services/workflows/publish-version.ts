import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { recordAudit } from "~/server/services/audit/record-audit";
import { requireValidGraph } from "./parse-graph";
import type { TPublishInput } from "./workflow-schemas";

/** Publishes the current draft as the next immutable version; an invalid draft is refused with its problems. */
export async function publishVersion(db: PrismaClient, actor: AuthenticatedUser, input: TPublishInput) {
  return db.$transaction(async (tx) => {
    const workflow = await tx.workflow.findUnique({ where: { id: input.workflowId } });
    if (!workflow) throw new AppError("NOT_FOUND", `No workflow with id ${input.workflowId}.`);
    if (input.expectedRevision !== undefined && workflow.draftRevision !== input.expectedRevision) {
      throw new AppError("CONFLICT", "The draft changed since you looked at it. Reload before publishing.");
    }
    const graph = requireValidGraph(workflow.draftGraph, "The draft");
    const latest = await tx.workflowVersion.findFirst({ where: { workflowId: workflow.id }, orderBy: { version: "desc" }, select: { version: true } });
    const version = await tx.workflowVersion.create({
      data: { workflowId: workflow.id, version: (latest?.version ?? 0) + 1, graph: JSON.stringify(graph), note: input.note, createdById: actor.id },
      select: { id: true, version: true, note: true, createdAt: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "workflow.published",
      entityType: "Workflow",
      entityId: workflow.id,
      data: { version: version.version, note: input.note },
    });
    return version;
  });
}
