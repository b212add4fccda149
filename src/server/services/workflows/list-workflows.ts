import { diffGraphs, hasChanges } from "~/engine/diff/diff-graphs";
import type { PrismaClient } from "~/server/db/client";
import type { Clock } from "~/server/runtime/clock";
import { parseComparableGraph } from "./comparable-graph";
import { userNames } from "./user-names";
import type { TListWorkflowsInput } from "./workflow-schemas";

/** Whether the draft differs from the latest published graph (a malformed draft always does). */
function draftDiffers(draftJson: string, publishedJson: string | undefined): boolean {
  if (publishedJson === undefined) return false;
  const draft = parseComparableGraph(draftJson);
  const published = parseComparableGraph(publishedJson);
  return !draft || !published || hasChanges(diffGraphs(published, draft));
}

/**
 * Workflows with their latest published version, whether the draft has unpublished changes, the
 * last editor and the runs started in the last 24 hours.
 */
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
      draftGraph: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, createdAt: true, graph: true } },
      _count: { select: { runs: { where: { createdAt: { gte: since } } } } },
    },
  });
  const editors = await userNames(db, workflows.map((workflow) => workflow.updatedById));
  return workflows.map(({ versions, _count, updatedById, draftGraph, ...workflow }) => ({
    ...workflow,
    publishedVersion: versions[0]?.version ?? null,
    hasUnpublishedChanges: draftDiffers(draftGraph, versions[0]?.graph),
    lastEditor: updatedById ? (editors.get(updatedById) ?? null) : null,
    runsLast24h: _count.runs,
  }));
}
