import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { userNames } from "./user-names";

/** A workflow's published versions, newest first, with their authors' names. */
export async function listVersions(db: PrismaClient, workflowId: string) {
  const workflow = await db.workflow.findUnique({
    where: { id: workflowId },
    select: {
      id: true,
      name: true,
      archived: true,
      draftRevision: true,
      versions: { orderBy: { version: "desc" }, select: { id: true, version: true, note: true, createdAt: true, createdById: true } },
    },
  });
  if (!workflow) throw new AppError("NOT_FOUND", `No workflow with id ${workflowId}.`);
  const names = await userNames(db, workflow.versions.map((version) => version.createdById));
  return {
    ...workflow,
    versions: workflow.versions.map(({ createdById, ...version }) => ({
      ...version,
      author: createdById ? (names.get(createdById) ?? null) : null,
    })),
  };
}
