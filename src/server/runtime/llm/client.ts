import OpenAI from "openai";
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import { describeApiError } from "~/server/runtime/llm/api-error";
import { costOf } from "~/server/runtime/llm/prices";
import { parseStructuredOutput, readJudgement } from "~/server/runtime/llm/structured-output";
import { runToolRound } from "~/server/runtime/llm/tool-calls";
import type {
  LlmClient,
  LlmClientConfig,
  LlmFailure,
  LlmFailureReason,
  LlmMessage,
  LlmRequest,
  LlmResult,
  LlmTrace,
  LlmUsage,
  ToolCallRecord,
  ToolExecutor,
} from "~/server/runtime/llm/types";
import { stringRedactor } from "~/server/runtime/payload/redact";

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_TOOL_ROUNDS = 4;

/**
 * Creates the client `llm` steps call: OpenAI chat completions (or any compatible endpoint) with
 * structured output, tool calling limited to each request's allowed tools, and a full trace of
 * prompt, parameters, tool calls, tokens, cost and latency.
 *
 * @remarks Never throws for API failures: they resolve `{ ok: false, reason: "error", retryable }`.
 * Without an API key every call resolves `no_model_configured` without touching the network, so
 * the runtime can take the step's fallback. Takes plain config; reads no environment.
 *
 * @example
 * const llm = createLlmClient({ apiKey: env.OPENAI_API_KEY, defaultModel: "gpt-4o-mini", prices: DEFAULT_PRICES });
 * const result = await llm.complete({ prompt: "Classify: printer on fire", jsonSchema: { name: "triage", schema } });
 * if (result.ok && (result.confidence ?? 0) >= 0.85) route(result.output);
 */
export function createLlmClient(config: LlmClientConfig): LlmClient {
  const openai = config.apiKey
    ? new OpenAI({
        apiKey: config.apiKey,
        baseURL: config.baseURL,
        timeout: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxRetries: config.maxRetries ?? 0,
      })
    : undefined;
  const scrub = stringRedactor({ secretValues: config.apiKey ? [config.apiKey] : [] });
  const maxToolRounds = config.maxToolRounds ?? DEFAULT_MAX_TOOL_ROUNDS;

  return {
    async complete(request: LlmRequest, tools?: ToolExecutor): Promise<LlmResult> {
      const started = performance.now();
      const model = request.model ?? config.defaultModel;
      const messages = promptMessages(request);
      const toolCalls: ToolCallRecord[] = [];
      const usage: LlmUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
      let respondedModel = model;

      const trace = (): LlmTrace => {
        const cost = costOf(model, usage, config.prices);
        return {
          model: respondedModel,
          parameters: { temperature: request.temperature, maxTokens: request.maxTokens },
          messages,
          toolCalls,
          usage: { ...usage },
          costUsd: cost.usd,
          priced: cost.priced,
          latencyMs: Math.round(performance.now() - started),
        };
      };
      const failure = (reason: LlmFailureReason, message: string, extra: Partial<LlmFailure> = {}): LlmFailure => ({
        ...trace(),
        ok: false,
        reason,
        message,
        retryable: false,
        ...extra,
      });

      if (!openai) return failure("no_model_configured", "No model configured: set OPENAI_API_KEY");

      const offered = tools ? (request.allowedTools ?? []) : [];
      const allowed = new Set(offered.map((tool) => tool.name));
      const conversation: ChatCompletionMessageParam[] = [...messages];
      try {
        for (let round = 1; ; round++) {
          const completion: ChatCompletion = await openai.chat.completions.create(requestParams(model, request, offered, conversation));
          respondedModel = completion.model || model;
          addUsage(usage, completion);
          const message = completion.choices[0]?.message;
          if (!message) return failure("invalid_output", "The model returned no choices");
          const calls = message.tool_calls ?? [];
          if (calls.length === 0) {
            if (message.refusal) return failure("invalid_output", `The model refused: ${message.refusal}`, { content: message.content ?? "" });
            return finish(message.content ?? "", request, trace(), failure);
          }
          if (round > maxToolRounds) {
            return failure("tool_loop_limit", `The model still asked for tools after ${maxToolRounds} tool round(s)`);
          }
          conversation.push({ role: "assistant", content: message.content, tool_calls: calls });
          const executed = await runToolRound(calls, allowed, tools, round);
          toolCalls.push(...executed.records);
          conversation.push(...executed.replies);
        }
      } catch (error) {
        const described = describeApiError(error, scrub);
        return failure("error", described.message, { retryable: described.retryable, ...(described.status !== undefined ? { status: described.status } : {}) });
      }
    },
  };
}

function promptMessages(request: LlmRequest): LlmMessage[] {
  return [
    ...(request.system !== undefined ? [{ role: "system" as const, content: request.system }] : []),
    { role: "user", content: request.prompt },
  ];
}

function requestParams(
  model: string,
  request: LlmRequest,
  offered: NonNullable<LlmRequest["allowedTools"]>,
  conversation: ChatCompletionMessageParam[],
): ChatCompletionCreateParamsNonStreaming {
  const schema = request.jsonSchema;
  return {
    model,
    messages: conversation,
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.maxTokens !== undefined ? { max_completion_tokens: request.maxTokens } : {}),
    ...(schema
      ? {
          response_format: {
            type: "json_schema",
            json_schema: { name: schema.name, schema: schema.schema, ...(schema.strict !== undefined ? { strict: schema.strict } : {}) },
          },
        }
      : {}),
    ...(offered.length > 0
      ? {
          tools: offered.map((tool) => ({
            type: "function" as const,
            function: { name: tool.name, parameters: tool.parameters, ...(tool.description !== undefined ? { description: tool.description } : {}) },
          })),
        }
      : {}),
  };
}

function addUsage(total: LlmUsage, completion: ChatCompletion): void {
  total.promptTokens += completion.usage?.prompt_tokens ?? 0;
  total.completionTokens += completion.usage?.completion_tokens ?? 0;
  total.totalTokens += completion.usage?.total_tokens ?? 0;
}

/** Turns the final message into a success, or `invalid_output` when structured output does not parse. */
function finish(
  content: string,
  request: LlmRequest,
  trace: LlmTrace,
  failure: (reason: LlmFailureReason, message: string, extra?: Partial<LlmFailure>) => LlmFailure,
): LlmResult {
  if (!request.jsonSchema) return { ...trace, ok: true, content, output: content };
  const parsed = parseStructuredOutput(content, request.jsonSchema.schema);
  if (!parsed.ok) return failure("invalid_output", parsed.message, { content });
  const judgement = readJudgement(parsed.output, {
    confidence: request.confidenceField ?? "confidence",
    rationale: request.rationaleField ?? "rationale",
  });
  return { ...trace, ok: true, content, output: parsed.output, ...judgement };
}
