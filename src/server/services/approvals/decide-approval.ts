import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { Runtime } from "~/server/runtime/runtime";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import type { TAnswerEscalationInput, TDecideApprovalInput } from "./approval-schemas";
import { isAssignedTo } from "./assignment";

type Kind = "approval" | "escalation";

function loadRequest(db: PrismaClient, approvalId: string) {
  return db.approval.findUnique({
    where: { id: approvalId },
    include: { decisions: true, run: { select: { startedById: true } } },
  });
}

type Request = NonNullable<Awaited<ReturnType<typeof loadRequest>>>;

/** Everything that makes a decision invalid, each with its own clear error. */
async function checkDecision(db: PrismaClient, runtime: Runtime, user: AuthenticatedUser, request: Request | null, kind: Kind): Promise<Request> {
  if (!request || request.kind !== kind) throw new AppError("NOT_FOUND", `No ${kind} request with that id.`);
  if (!isAssignedTo(request, user)) throw new AppError("FORBIDDEN", "This request is not assigned to you or your role.");
  if (request.run.startedById === user.id) throw new AppError("FORBIDDEN", "You started this run, so someone else must decide it.");
  if (request.decisions.some((decision) => decision.userId === user.id)) throw new AppError("CONFLICT", "You have already decided this request.");
  if (request.status !== "pending") throw new AppError("CONFLICT", `This request is already closed (${request.status.replace("_", " ")}).`);
  if (request.deadline && request.deadline <= runtime.clock.now()) {
    throw new AppError("PRECONDITION_FAILED", `This request expired at ${request.deadline.toISOString()}.`);
  }
  return request;
}

/**
 * Checks, then applies, a decision under the run's lock, so that a double submit or two people
 * deciding at once are each checked against the other's committed decision.
 */
async function decide(
  db: PrismaClient,
  runtime: Runtime,
  user: AuthenticatedUser,
  approvalId: string,
  kind: Kind,
  extraChecks: (request: Request) => Promise<void>,
  event: (request: Request) => { type: string; [key: string]: unknown },
  record: { decision: string; comment?: string; data?: Record<string, unknown> },
): Promise<void> {
  const first = await checkDecision(db, runtime, user, await loadRequest(db, approvalId), kind);
  await extraChecks(first);
  await runtime.exclusive(first.runId, async (executor) => {
    const request = await checkDecision(db, runtime, user, await loadRequest(db, approvalId), kind);
    await executor.send(event(request), `user:${user.id}`, [
      async (tx) => {
        await tx.approvalDecision.create({
          data: { approvalId, userId: user.id, decision: record.decision, comment: record.comment ?? null, data: JSON.stringify(record.data ?? {}) },
        });
      },
    ]);
  });
}

/**
 * Approve, reject or request changes. Rejecting and requesting changes need a comment. Four eyes:
 * whoever approved one approval step of a run cannot also approve another step of the same run.
 */
export async function decideApproval(db: PrismaClient, runtime: Runtime, user: AuthenticatedUser, input: TDecideApprovalInput) {
  if (input.decision !== "approve" && !input.comment) {
    throw new AppError("BAD_REQUEST", "Add a comment that says why you reject or what should change.");
  }
  await decide(
    db,
    runtime,
    user,
    input.approvalId,
    "approval",
    async (request) => {
      if (input.decision !== "approve") return;
      const earlier = await db.approvalDecision.count({
        where: { userId: user.id, decision: "approve", approval: { runId: request.runId, nodeId: { not: request.nodeId } } },
      });
      if (earlier > 0) throw new AppError("FORBIDDEN", "You approved another step of this run; a different person must approve this one.");
    },
    (request) => ({ type: "APPROVAL.DECIDED", nodeId: request.nodeId, decision: input.decision, by: user.id, comment: input.comment }),
    { decision: input.decision, comment: input.comment },
  );
}

/** A person's answer at a human escalation tier: resolved, or not (the tier's triggers decide whether it moves up). */
export async function answerEscalation(db: PrismaClient, runtime: Runtime, user: AuthenticatedUser, input: TAnswerEscalationInput) {
  await decide(
    db,
    runtime,
    user,
    input.approvalId,
    "escalation",
    () => Promise.resolve(),
    (request) => ({
      type: "ESCALATION.RESULT",
      nodeId: request.nodeId,
      tier: request.tier,
      resolved: input.resolved,
      text: input.answer,
      ...(input.confidence !== undefined ? { confidence: input.confidence } : {}),
      output: { answer: input.answer },
      by: user.id,
    }),
    { decision: input.resolved ? "resolved" : "escalate", comment: input.answer, data: { confidence: input.confidence ?? null } },
  );
}
