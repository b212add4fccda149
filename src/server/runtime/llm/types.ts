import type { PriceTable } from "~/server/runtime/llm/prices";

/** Settings for {@link LlmClient}; the runtime builds them from validated environment and workspace settings. */
export type LlmClientConfig = {
  /** Without a key every call resolves `no_model_configured` and nothing is sent. */
  apiKey?: string;
  /** An OpenAI-compatible endpoint, e.g. `http://127.0.0.1:4010/v1`; the SDK default otherwise. */
  baseURL?: string;
  /** Used when a request names no model. */
  defaultModel: string;
  prices: PriceTable;
  /** Per API call. Default 60 s. */
  timeoutMs?: number;
  /** Rounds of tool execution before a call fails with `tool_loop_limit`. Default 4. */
  maxToolRounds?: number;
  /** SDK-level retries per API call. Default 0: the runtime retries steps itself, with its ledger. */
  maxRetries?: number;
};

/** A tool the model may call: a JSON-schema function definition. */
export type LlmToolDefinition = { name: string; description?: string; parameters: Record<string, unknown> };

/** One model call as an `llm` step describes it, with the prompt already rendered. */
export type LlmRequest = {
  model?: string;
  system?: string;
  prompt: string;
  temperature?: number;
  maxTokens?: number;
  /** Ask for structured output; the reply must parse and carry the schema's required top-level keys. */
  jsonSchema?: { name: string; schema: Record<string, unknown>; strict?: boolean };
  /** The only tools offered; calls to any other tool are refused. */
  allowedTools?: LlmToolDefinition[];
  /** Structured-output field holding a 0..1 confidence. Default `"confidence"`. */
  confidenceField?: string;
  /** Structured-output field holding the model's explanation. Default `"rationale"`. */
  rationaleField?: string;
};

/** Runs the tools a model asks for (the runtime maps them to connectors). May throw; the error is reported to the model. */
export type ToolExecutor = { execute(name: string, args: unknown): Promise<unknown> };

export type LlmUsage = { promptTokens: number; completionTokens: number; totalTokens: number };

/** The prompt as sent, before any tool round. */
export type LlmMessage = { role: "system" | "user"; content: string };

/** One tool call the model made, whether run, failed or refused. */
export type ToolCallRecord = {
  id: string;
  name: string;
  /** Parsed JSON arguments, or the raw string when they did not parse. */
  arguments: unknown;
  result?: unknown;
  error?: string;
  /** The tool was not in `allowedTools`, so it was not run. */
  refused: boolean;
  /** 1 for the first tool round. */
  round: number;
};

/** What the ledger records for every call, successful or not. */
export type LlmTrace = {
  model: string;
  parameters: { temperature?: number; maxTokens?: number };
  messages: LlmMessage[];
  toolCalls: ToolCallRecord[];
  /** Summed over every round. */
  usage: LlmUsage;
  costUsd: number;
  /** False when the model is not in the price table, so `costUsd` is 0 but not known to be. */
  priced: boolean;
  /** From the start of `complete` to its result, tool execution included. */
  latencyMs: number;
};

export type LlmSuccess = LlmTrace & {
  ok: true;
  /** The final message text. */
  content: string;
  /** The parsed JSON for structured output, otherwise `content`. */
  output: unknown;
  rationale?: string;
  /** Clamped to 0..1; absent when the field is missing or not a number. */
  confidence?: number;
};

export type LlmFailureReason = "no_model_configured" | "invalid_output" | "tool_loop_limit" | "error";

export type LlmFailure = LlmTrace & {
  ok: false;
  reason: LlmFailureReason;
  /** Never contains the API key. */
  message: string;
  /** Whether the same call may succeed if tried again (rate limits, 5xx, timeouts, connection errors). */
  retryable: boolean;
  /** The HTTP status of an API error. */
  status?: number;
  /** The raw reply, for `invalid_output`. */
  content?: string;
};

export type LlmResult = LlmSuccess | LlmFailure;

export type LlmClient = {
  /** Runs one model call, with tool rounds when `tools` is given. Never throws for API errors. */
  complete(request: LlmRequest, tools?: ToolExecutor): Promise<LlmResult>;
};
