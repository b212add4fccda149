import type { StepActorInput } from "~/engine";
import type { RunExecutor } from "~/server/runtime/run/run-executor";

/** One step being executed: the engine's actor input, the run, and the run's abort signal. */
export interface StepCall<Config> {
  run: RunExecutor;
  input: StepActorInput & { config: Config };
  signal: AbortSignal;
}

/** The idempotency key of a step: run, node and the node's visit number. */
export function stepKey(call: StepCall<unknown>): string {
  return `${call.run.id}:${call.input.nodeId}:${call.run.visitOf(call.input.nodeId)}`;
}
