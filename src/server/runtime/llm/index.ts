export { createLlmClient } from "~/server/runtime/llm/client";
export { costOf, DEFAULT_PRICES, type Cost, type ModelPrice, type PriceTable } from "~/server/runtime/llm/prices";
export type {
  LlmClient,
  LlmClientConfig,
  LlmFailure,
  LlmFailureReason,
  LlmMessage,
  LlmRequest,
  LlmResult,
  LlmSuccess,
  LlmToolDefinition,
  LlmTrace,
  LlmUsage,
  ToolCallRecord,
  ToolExecutor,
} from "~/server/runtime/llm/types";
