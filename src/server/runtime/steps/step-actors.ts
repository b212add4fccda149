import { fromPromise, type AnyActorLogic } from "xstate";
import type { ActorKey, StepActorInput } from "~/engine";
import { AppError } from "~/server/errors";
import type { RunExecutor } from "~/server/runtime/run/run-executor";
import { runDecisionStep } from "./decision-step";
import { runEscalationStep } from "./escalation-step";
import { runGuardrailStep } from "./guardrail-step";
import { runLlmStep } from "./llm-step";
import type { StepCall } from "./step-context";
import type { StepEnv } from "./step-env";
import { runTaskStep } from "./task-step";

type StepRunner = (env: StepEnv, call: StepCall<never>) => Promise<unknown>;

const RUNNERS: Record<ActorKey, StepRunner> = {
  task: runTaskStep as StepRunner,
  llm: runLlmStep as StepRunner,
  decision: runDecisionStep as StepRunner,
  guardrail: runGuardrailStep as StepRunner,
  escalation: runEscalationStep as StepRunner,
};

// Each run's actor system belongs to exactly one executor. The step actors are shared by every
// run of a workflow (one provided machine per workflow), so they find their run through it.
const runsBySystem = new WeakMap<object, RunExecutor>();

/** Ties a run's actor system to its executor, before the actor starts. */
export function bindRun(system: object, run: RunExecutor): void {
  runsBySystem.set(system, run);
}

/**
 * The actor implementations the compiled machine invokes. Each first waits until the transition
 * that started it is durable (write-ahead), then runs its step for the run it belongs to.
 */
export function createStepActors(env: StepEnv): Record<ActorKey, AnyActorLogic> {
  const actors = {} as Record<ActorKey, AnyActorLogic>;
  for (const [key, runner] of Object.entries(RUNNERS) as [ActorKey, StepRunner][]) {
    actors[key] = fromPromise(async ({ input, signal, system }: { input: StepActorInput; signal: AbortSignal; system: object }) => {
      const run = runsBySystem.get(system);
      if (!run) throw new AppError("PRECONDITION_FAILED", "A step ran outside of a run.");
      // The invoking transition is recorded synchronously once the macrostep ends: let it finish first.
      await Promise.resolve();
      await run.whenDurable();
      return runner(env, { run, input: input as StepCall<never>["input"], signal });
    });
  }
  return actors;
}
