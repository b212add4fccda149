import { diffGraphs } from "~/engine/diff/diff-graphs";
import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { requireComparableGraph } from "./comparable-graph";
import type { TDiffInput } from "./workflow-schemas";

const VERSION_FIELDS = { id: true, workflowId: true, version: true, note: true, createdAt: true, graph: true } as const;

async function findVersion(db: PrismaClient, versionId: string) {
  const version = await db.workflowVersion.findUnique({ where: { id: versionId }, select: VERSION_FIELDS });
  if (!version) throw new AppError("NOT_FOUND", `No workflow version with id ${versionId}.`);
  return version;
}

/** The side being compared against: another version, or the current draft at its revision. */
async function findTarget(db: PrismaClient, input: TDiffInput, workflowId: string) {
  if ("toVersionId" in input) {
    const { graph, ...version } = await findVersion(db, input.toVersionId);
    if (version.workflowId !== workflowId) throw new AppError("BAD_REQUEST", "Both versions must belong to the same workflow.");
    return { side: { kind: "version" as const, ...version }, graph: requireComparableGraph(graph, `Version ${version.version}`) };
  }
  const workflow = await db.workflow.findUniqueOrThrow({ where: { id: workflowId }, select: { draftRevision: true, draftGraph: true } });
  return {
    side: { kind: "draft" as const, revision: workflow.draftRevision },
    graph: requireComparableGraph(workflow.draftGraph, "The draft"),
  };
}

/**
 * Compares a published version with another version of the same workflow or with its draft.
 *
 * @returns both graphs (schema defaults applied) and their diff (see `diffGraphs`).
 */
export async function diffVersions(db: PrismaClient, input: TDiffInput) {
  const { graph: fromGraph, ...from } = await findVersion(db, input.fromVersionId);
  const before = requireComparableGraph(fromGraph, `Version ${from.version}`);
  const target = await findTarget(db, input, from.workflowId);
  return { workflowId: from.workflowId, from, to: target.side, before, after: target.graph, diff: diffGraphs(before, target.graph) };
}
