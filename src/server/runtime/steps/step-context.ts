import type { StepActorInput } from "~/engine";
import type { RunExecutor } from "~/server/runtime/run/run-executor";
import type { CallScope } from "./call-connector";

/** One step being executed: the engine's actor input, the run, and the run's abort signal. */
export interface StepCall<Config> {
  run: RunExecutor;
  input: StepActorInput & { config: Config };
  signal: AbortSignal;
}

/** The scope a step's connector calls run in. */
export function scopeOf(call: StepCall<unknown>): CallScope {
  return { runId: call.run.id, workflowId: call.run.workflowId, nodeId: call.input.nodeId, shadow: call.run.shadow, signal: call.signal };
}

/** The idempotency key of a step: run, node and the node's visit number. */
export function stepKey(call: StepCall<unknown>): string {
  return `${call.run.id}:${call.input.nodeId}:${call.run.visitOf(call.input.nodeId)}`;
}
