import type { PrismaClient } from "~/server/db/client";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { recordAudit } from "~/server/services/audit/record-audit";
import { serializeDraft } from "./parse-graph";
import { starterGraph } from "./starter-graph";
import type { TCreateWorkflowInput } from "./workflow-schemas";

/** Graph ids are machine ids: a letter, then letters, digits, `_` or `-`. */
function graphIdFor(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48);
  return /^[a-z]/.test(slug) ? slug : `workflow-${slug || "new"}`;
}

/** Creates a workflow whose draft is the given graph, or a minimal start → end graph. */
export async function createWorkflow(db: PrismaClient, actor: AuthenticatedUser, input: TCreateWorkflowInput) {
  const draftGraph = serializeDraft(input.graph ?? starterGraph(graphIdFor(input.name), input.name));
  return db.$transaction(async (tx) => {
    const workflow = await tx.workflow.create({
      data: { name: input.name, description: input.description, draftGraph, createdById: actor.id, updatedById: actor.id },
      select: { id: true, name: true, draftRevision: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "workflow.created", entityType: "Workflow", entityId: workflow.id, data: { name: input.name } });
    return workflow;
  });
}
