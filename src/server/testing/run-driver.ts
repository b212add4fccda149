import { expect } from "vitest";
import type { Runtime } from "~/server/runtime/runtime";
import { verifyLedger } from "~/server/runtime/ledger/verify-ledger";
import { answerEscalation, decideApproval } from "~/server/services/approvals/decide-approval";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import type { TestDb } from "./test-db";
import { exampleGraph } from "./test-runtime";

/**
 * Drives example runs in tests the way people would: starts them, answers the requests waiting
 * in the inbox through the approval services, and checks how they ended.
 */
export class RunDriver {
  constructor(
    private readonly testDb: TestDb,
    private readonly runtime: Runtime,
  ) {}

  async start(example: string, input: Record<string, unknown>, options: { shadow?: boolean; startedById?: string } = {}) {
    const graph = exampleGraph(example);
    const workflow = await this.testDb.db.workflow.findFirstOrThrow({ where: { name: graph.name } });
    const { runId } = await this.runtime.startRun({
      workflowId: workflow.id,
      versionId: null,
      graph,
      input,
      shadow: options.shadow ?? false,
      startedById: options.startedById ?? null,
    });
    await this.runtime.settled(runId);
    return runId;
  }

  /** The pending request of a node in a run. */
  async request(runId: string, nodeId: string) {
    return this.testDb.db.approval.findFirstOrThrow({ where: { runId, nodeId, status: "pending" } });
  }

  async decide(runId: string, nodeId: string, user: AuthenticatedUser, decision: "approve" | "reject" | "changes", comment?: string) {
    const request = await this.request(runId, nodeId);
    await decideApproval(this.testDb.db, this.runtime, user, { approvalId: request.id, decision, comment });
    await this.runtime.settled(runId);
  }

  async answer(runId: string, nodeId: string, user: AuthenticatedUser, resolved: boolean, answer: string, confidence?: number) {
    const request = await this.request(runId, nodeId);
    await answerEscalation(this.testDb.db, this.runtime, user, { approvalId: request.id, resolved, answer, confidence });
    await this.runtime.settled(runId);
  }

  async fireTimers(runId: string) {
    await this.runtime.fireDueTimers();
    await this.runtime.settled(runId);
  }

  /** Asserts where the run ended (the end node and the run status) and that its ledger verifies. */
  async expectEnded(runId: string, endNode: string, status: "completed" | "failed" | "cancelled" = "completed") {
    const run = await this.testDb.db.run.findUniqueOrThrow({ where: { id: runId }, include: { events: { orderBy: { seq: "asc" } } } });
    const snapshot = JSON.parse(run.snapshot) as { context: { result?: { endNode: string } } };
    expect({ status: run.status, endNode: snapshot.context.result?.endNode }).toEqual({ status, endNode });
    expect(verifyLedger(run.events)).toMatchObject({ ok: true, rows: run.events.length });
    return run;
  }

  async status(runId: string) {
    return (await this.testDb.db.run.findUniqueOrThrow({ where: { id: runId }, select: { status: true } })).status;
  }
}
