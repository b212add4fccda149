import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { requireComparableGraph } from "./comparable-graph";
import { userNames } from "./user-names";

/** One published version with its graph (schema defaults applied) and its author's name. */
export async function getVersion(db: PrismaClient, versionId: string) {
  const version = await db.workflowVersion.findUnique({ where: { id: versionId } });
  if (!version) throw new AppError("NOT_FOUND", `No workflow version with id ${versionId}.`);
  const { graph, createdById, ...rest } = version;
  const author = createdById ? ((await userNames(db, [createdById])).get(createdById) ?? null) : null;
  return { ...rest, author, graph: requireComparableGraph(graph, `Version ${version.version}`) };
}
