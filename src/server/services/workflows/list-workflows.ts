import type { PrismaClient } from "~/server/db/client";
import type { Clock } from "~/server/runtime/clock";
import type { TListWorkflowsInput } from "./workflow-schemas";

/** Workflows with their latest published version, last editor and runs in the last 24 hours. */
export async function listWorkflows(db: PrismaClient, clock: Clock, input: TListWorkflowsInput) {
  const since = new Date(clock.now().getTime() - 24 * 60 * 60 * 1000);
  const workflows = await db.workflow.findMany({
    where: {
      ...(input.includeArchived ? {} : { archived: false }),
      ...(input.search ? { name: { contains: input.search } } : {}),
    },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      name: true,
      description: true,
      archived: true,
      updatedAt: true,
      updatedById: true,
      draftRevision: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, createdAt: true } },
      _count: { select: { runs: { where: { createdAt: { gte: since } } } } },
    },
  });
  const editorIds = [...new Set(workflows.map((workflow) => workflow.updatedById).filter((id): id is string => Boolean(id)))];
  const editors = new Map(
    (await db.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]),
  );
  return workflows.map(({ versions, _count, updatedById, ...workflow }) => ({
    ...workflow,
    publishedVersion: versions[0]?.version ?? null,
    lastEditor: updatedById ? (editors.get(updatedById) ?? null) : null,
    runsLast24h: _count.runs,
  }));
}
