import { validateGraph } from "~/engine";
import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";

/** A workflow with its draft (and the draft's validation problems) and its version list. */
export async function getWorkflow(db: PrismaClient, workflowId: string) {
  const workflow = await db.workflow.findUnique({
    where: { id: workflowId },
    include: { versions: { orderBy: { version: "desc" }, select: { id: true, version: true, note: true, createdAt: true, createdById: true } } },
  });
  if (!workflow) throw new AppError("NOT_FOUND", `No workflow with id ${workflowId}.`);
  const { draftGraph, ...rest } = workflow;
  const draft: unknown = JSON.parse(draftGraph);
  const validation = validateGraph(draft);
  return { ...rest, draft, problems: validation.problems };
}
