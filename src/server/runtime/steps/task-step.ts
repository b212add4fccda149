import { durationToMs, type NodeConfig, type StepActorOutput } from "~/engine";
import { AppError } from "~/server/errors";
import { callConnector } from "./call-connector";
import { scopeOf, stepKey, type StepCall } from "./step-context";
import type { StepEnv } from "./step-env";

type Resolved = { input?: Record<string, unknown>; inputErrors?: Record<string, string> };

/** A task node: its connector called with the mapped input, the node's retries and timeout. */
export async function runTaskStep(env: StepEnv, call: StepCall<NodeConfig<"task">>): Promise<StepActorOutput> {
  const { config, nodeId } = call.input;
  const resolved = call.input.resolved as Resolved;
  const connector = env.connectors.get(config.connector);
  call.run.attributeStep(nodeId, `connector:${connector.name}`);
  const mappingErrors = Object.entries(resolved.inputErrors ?? {});
  if (mappingErrors.length > 0) {
    throw new AppError("BAD_REQUEST", `Input mapping failed: ${mappingErrors.map(([field, error]) => `${field}: ${error}`).join("; ")}`);
  }
  const output = await callConnector(env, scopeOf(call), {
    connector,
    input: resolved.input,
    key: stepKey(call),
    retry: config.retry,
    timeoutMs: durationToMs(config.timeout),
  });
  return { output };
}
