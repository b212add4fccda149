import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { Runtime } from "~/server/runtime/runtime";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import { requireValidGraph } from "~/server/services/workflows/parse-graph";
import type { TStartRunInput } from "./run-schemas";

/** Starts a run of a published version, or a test run of the draft; the same idempotency key returns the same run. */
export async function startRun(db: PrismaClient, runtime: Runtime, actor: AuthenticatedUser, input: TStartRunInput) {
  const workflow = await db.workflow.findUnique({ where: { id: input.workflowId } });
  if (!workflow) throw new AppError("NOT_FOUND", `No workflow with id ${input.workflowId}.`);
  if (workflow.archived) throw new AppError("PRECONDITION_FAILED", "This workflow is archived.");
  let graphJson = workflow.draftGraph;
  let versionId: string | null = null;
  if (input.versionId) {
    const version = await db.workflowVersion.findFirst({ where: { id: input.versionId, workflowId: workflow.id } });
    if (!version) throw new AppError("NOT_FOUND", `Workflow ${workflow.name} has no version ${input.versionId}.`);
    graphJson = version.graph;
    versionId = version.id;
  }
  const graph = requireValidGraph(graphJson, input.draft ? "The draft" : "This version");
  return runtime.startRun({
    workflowId: workflow.id,
    versionId,
    graph,
    input: input.input,
    shadow: input.shadow,
    startedById: actor.id,
    idempotencyKey: input.idempotencyKey,
  });
}
