import type { PrismaClient } from "~/server/db/client";
import type { Clock } from "~/server/runtime/clock";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import type { TInboxInput } from "./approval-schemas";
import { isAssignedTo } from "./assignment";

const REQUEST_SELECT = {
  id: true,
  kind: true,
  runId: true,
  nodeId: true,
  tier: true,
  status: true,
  summary: true,
  details: true,
  recommendation: true,
  confidence: true,
  risk: true,
  quorum: true,
  deadline: true,
  createdAt: true,
  decidedAt: true,
  assigneeUsers: true,
  assigneeRoles: true,
  run: { select: { startedById: true, shadow: true, workflow: { select: { id: true, name: true } } } },
  decisions: { select: { userId: true, decision: true, comment: true, createdAt: true } },
} as const;

/**
 * What a person sees in the inbox: pending requests assigned to them (not those of runs they
 * started, which someone else must decide), or the requests they decided before.
 */
export async function listInbox(db: PrismaClient, clock: Clock, user: AuthenticatedUser, input: TInboxInput) {
  const rows =
    input.view === "pending"
      ? (await db.approval.findMany({ where: { status: "pending" }, orderBy: { createdAt: "asc" }, take: 1000, select: REQUEST_SELECT })).filter(
          (row) => isAssignedTo(row, user) && row.run.startedById !== user.id && !row.decisions.some((decision) => decision.userId === user.id),
        )
      : await db.approval.findMany({
          where: { decisions: { some: { userId: user.id } } },
          orderBy: { createdAt: "desc" },
          take: 200,
          select: REQUEST_SELECT,
        });
  const now = clock.now();
  return rows.map(({ assigneeUsers, assigneeRoles, details, run, ...row }) => ({
    ...row,
    details: JSON.parse(details) as unknown,
    workflow: run.workflow,
    shadow: run.shadow,
    assignees: { users: JSON.parse(assigneeUsers) as string[], roles: JSON.parse(assigneeRoles) as string[] },
    expired: row.deadline !== null && row.deadline <= now,
    myDecision: row.decisions.find((decision) => decision.userId === user.id) ?? null,
  }));
}
