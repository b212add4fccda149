import { fromPromise, type AnyActorLogic } from "xstate";
import type { ActorKey, StepActorInput } from "~/engine";
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

/**
 * The actor implementations the compiled machine invokes, bound to one run. Each first waits
 * until the transition that started it is durable (write-ahead), then runs its step.
 */
export function createStepActors(env: StepEnv, run: RunExecutor): Record<ActorKey, AnyActorLogic> {
  const actors = {} as Record<ActorKey, AnyActorLogic>;
  for (const [key, runner] of Object.entries(RUNNERS) as [ActorKey, StepRunner][]) {
    actors[key] = fromPromise(async ({ input, signal }: { input: StepActorInput; signal: AbortSignal }) => {
      // The invoking transition is recorded synchronously once the macrostep ends: let it finish first.
      await Promise.resolve();
      await run.whenDurable();
      return runner(env, { run, input: input as StepCall<never>["input"], signal });
    });
  }
  return actors;
}
