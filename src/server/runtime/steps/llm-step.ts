import type { NodeConfig, StepActorOutput } from "~/engine";
import { AppError } from "~/server/errors";
import { connectorNameOf } from "~/server/runtime/connectors/registry";
import type { LlmResult, LlmSuccess } from "~/server/runtime/llm";
import { callConnector } from "./call-connector";
import { invokeOnce } from "./invoke-once";
import type { RetryPolicy } from "./retry-policy";
import { scopeOf, stepKey, type StepCall } from "./step-context";
import type { StepEnv } from "./step-env";

const MODEL_RETRY: RetryPolicy = { maxAttempts: 3, backoff: "exponential", initialDelay: "PT2S" };
const MODEL_TIMEOUT_MS = 120_000;
const TOOL_RETRY: RetryPolicy = { maxAttempts: 2, backoff: "exponential", initialDelay: "PT1S" };
const TOOL_TIMEOUT_MS = 30_000;

type Resolved = { systemPrompt?: string; userPrompt?: string };

/** A failed model call: BAD_GATEWAY when the model could not be reached (the fallback route applies), otherwise BAD_REQUEST. */
class ModelError extends AppError {
  constructor(
    message: string,
    readonly retryable: boolean,
    unreachable: boolean,
  ) {
    super(unreachable ? "BAD_GATEWAY" : "BAD_REQUEST", message);
  }
}

function fallback(reason: string): StepActorOutput {
  return { outcome: "fallback", output: { fallback: true, reason } };
}

/** What the run's context keeps of a model's answer: the structured output (or the text), its rationale and confidence. */
function stepOutput(result: LlmSuccess): unknown {
  const base = typeof result.output === "object" && result.output !== null ? result.output : { text: result.content };
  return {
    ...base,
    ...(result.rationale !== undefined ? { rationale: result.rationale } : {}),
    ...(result.confidence !== undefined ? { confidence: result.confidence } : {}),
  };
}

async function recordModelCall(env: StepEnv, call: StepCall<unknown>, result: LlmResult): Promise<void> {
  if (result.usage.totalTokens === 0 && result.latencyMs === 0) return;
  await env.db.modelCall.create({
    data: {
      runId: call.run.id,
      workflowId: call.run.workflowId,
      nodeId: call.input.nodeId,
      model: result.model,
      promptTokens: result.usage.promptTokens,
      completionTokens: result.usage.completionTokens,
      costUsd: result.costUsd,
      latencyMs: Math.round(result.latencyMs),
    },
  });
}

/**
 * An llm node: renders nothing itself (the engine resolved the prompts), asks the model once per
 * idempotency key, records prompt, model, parameters, tokens, cost, latency, tool calls,
 * rationale and confidence. Tool calls run only the node's allowed connectors, each once per key.
 * Without a model, or with the model unreachable, a node with a fallback route takes it.
 */
export async function runLlmStep(env: StepEnv, call: StepCall<NodeConfig<"llm">>): Promise<StepActorOutput> {
  const { config, nodeId } = call.input;
  const resolved = call.input.resolved as Resolved;
  if (!env.modelConfigured) {
    if (config.fallback) return fallback("No model configured");
    throw new AppError("PRECONDITION_FAILED", "No model configured: set OPENAI_API_KEY, or give the node a fallback route.");
  }
  const key = stepKey(call);
  const model = config.model || undefined;
  call.run.attributeStep(nodeId, `model:${model ?? "default"}`);
  let toolCalls = 0;
  const tools = {
    execute: async (toolName: string, args: unknown) => {
      const connector = env.connectors.get(connectorNameOf(toolName));
      toolCalls += 1;
      return callConnector(env, scopeOf(call), { connector, input: args, key: `${key}:tool:${toolCalls}`, retry: TOOL_RETRY, timeoutMs: TOOL_TIMEOUT_MS });
    },
  };
  const request = {
    model,
    system: resolved.systemPrompt || undefined,
    prompt: resolved.userPrompt ?? "",
    temperature: config.temperature,
    maxTokens: config.maxTokens,
    confidenceField: config.confidenceField,
    ...(config.outputSchema ? { jsonSchema: { name: "output", schema: config.outputSchema as Record<string, unknown> } } : {}),
    allowedTools: config.tools.map((name) => env.connectors.toolDefinition(name)),
  };
  try {
    const result = await invokeOnce<LlmSuccess>(env, {
      runId: call.run.id,
      nodeId,
      key,
      connector: "llm",
      request,
      retry: MODEL_RETRY,
      timeoutMs: MODEL_TIMEOUT_MS,
      signal: call.signal,
      call: async () => {
        const result = await env.llm.complete(request, tools);
        await recordModelCall(env, call, result);
        if (!result.ok) throw new ModelError(result.message, result.retryable, result.reason === "error");
        return result;
      },
    });
    call.run.attributeStep(nodeId, `model:${result.model}`);
    return { output: stepOutput(result) };
  } catch (error) {
    // A recorded failure replays with the same code, so a resumed run takes the same route.
    if (config.fallback && error instanceof AppError && error.code === "BAD_GATEWAY") return fallback(error.message);
    throw error;
  }
}
