import { EventEmitter } from "node:events";

/** A ledger row as the live trace sends it. */
export interface RunEventMessage {
  runId: string;
  workflowId: string;
  seq: number;
  at: string;
  actor: string;
  type: string;
  fromNodes: string[];
  toNodes: string[];
  payload: unknown;
  rationale: string | null;
  status: string;
}

/**
 * In-process fan-out of committed ledger rows to live subscribers, by run and by workflow. Rows
 * are published only after their commit, so a subscriber never sees a transition that could
 * still be lost.
 */
export class RunEventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(message: RunEventMessage): void {
    this.emitter.emit(`run:${message.runId}`, message);
    this.emitter.emit(`workflow:${message.workflowId}`, message);
  }

  /** Calls `listener` for every row of the run or workflow; returns the unsubscribe function. */
  subscribe(scope: { runId: string } | { workflowId: string }, listener: (message: RunEventMessage) => void): () => void {
    const key = "runId" in scope ? `run:${scope.runId}` : `workflow:${scope.workflowId}`;
    this.emitter.on(key, listener);
    return () => this.emitter.off(key, listener);
  }
}
