import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { TListRunsInput } from "./run-schemas";

/** Runs, newest first, filtered by workflow, status and start date. */
export async function listRuns(db: PrismaClient, input: TListRunsInput) {
  const runs = await db.run.findMany({
    where: {
      ...(input.workflowId ? { workflowId: input.workflowId } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.from || input.to ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: input.limit,
    select: {
      id: true,
      status: true,
      outcome: true,
      shadow: true,
      createdAt: true,
      finishedAt: true,
      stepCount: true,
      workflow: { select: { id: true, name: true } },
      version: { select: { version: true } },
    },
  });
  return runs;
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/** A run's full trace: the ledger, the approvals with their decisions, tool and model calls. */
export async function getRun(db: PrismaClient, runId: string) {
  const run = await db.run.findUnique({
    where: { id: runId },
    include: {
      workflow: { select: { id: true, name: true } },
      version: { select: { id: true, version: true } },
      events: { orderBy: { seq: "asc" } },
      approvals: { orderBy: { createdAt: "asc" }, include: { decisions: { orderBy: { createdAt: "asc" } } } },
      invocations: { orderBy: { createdAt: "asc" } },
      modelCalls: { orderBy: { createdAt: "asc" } },
      timers: { orderBy: { dueAt: "asc" } },
    },
  });
  if (!run) throw new AppError("NOT_FOUND", `No run with id ${runId}.`);
  const { snapshot, graph, input, ruleVersions, visits, ...rest } = run;
  return {
    ...rest,
    graph: parse(graph),
    input: parse(input),
    ruleVersions: parse(ruleVersions),
    context: (parse(snapshot) as { context?: unknown } | null)?.context ?? null,
    events: run.events.map((event) => ({
      ...event,
      fromNodes: parse(event.fromNodes) as string[],
      toNodes: parse(event.toNodes) as string[],
      payload: parse(event.payload),
    })),
    approvals: run.approvals.map((approval) => ({
      ...approval,
      details: parse(approval.details),
      assigneeUsers: parse(approval.assigneeUsers) as string[],
      assigneeRoles: parse(approval.assigneeRoles) as string[],
      decisions: approval.decisions.map((decision) => ({ ...decision, data: parse(decision.data) })),
    })),
    invocations: run.invocations.map((invocation) => ({ ...invocation, request: parse(invocation.request), response: parse(invocation.response) })),
  };
}
