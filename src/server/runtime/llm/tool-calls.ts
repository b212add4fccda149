import type { ChatCompletionMessageToolCall, ChatCompletionToolMessageParam } from "openai/resources/chat/completions";
import type { ToolCallRecord, ToolExecutor } from "~/server/runtime/llm/types";

/** The records for the ledger and the tool messages to send back to the model. */
export type ToolRound = { records: ToolCallRecord[]; replies: ChatCompletionToolMessageParam[] };

/**
 * Runs one round of the model's tool calls in order. Only function tools named in `allowed` run;
 * any other call is refused, and the model is told so in an error tool message. Arguments that
 * are not JSON and executor failures are reported to the model the same way; nothing throws.
 */
export async function runToolRound(
  calls: readonly ChatCompletionMessageToolCall[],
  allowed: ReadonlySet<string>,
  executor: ToolExecutor | undefined,
  round: number,
): Promise<ToolRound> {
  const records: ToolCallRecord[] = [];
  const replies: ChatCompletionToolMessageParam[] = [];
  for (const call of calls) {
    const record = await runToolCall(call, allowed, executor, round);
    records.push(record);
    const content = record.error === undefined ? serialise(record.result) : JSON.stringify({ error: record.error });
    replies.push({ role: "tool", tool_call_id: call.id, content });
  }
  return { records, replies };
}

async function runToolCall(
  call: ChatCompletionMessageToolCall,
  allowed: ReadonlySet<string>,
  executor: ToolExecutor | undefined,
  round: number,
): Promise<ToolCallRecord> {
  const name = call.type === "function" ? call.function.name : call.custom.name;
  const rawArguments = call.type === "function" ? call.function.arguments : call.custom.input;
  const base = { id: call.id, name, round };
  if (call.type !== "function" || !executor || !allowed.has(name)) {
    return { ...base, arguments: rawArguments, refused: true, error: `Tool "${name}" is not allowed in this step` };
  }
  let args: unknown;
  try {
    args = JSON.parse(rawArguments || "{}") as unknown;
  } catch {
    return { ...base, arguments: rawArguments, refused: false, error: "The tool arguments are not valid JSON" };
  }
  try {
    return { ...base, arguments: args, refused: false, result: await executor.execute(name, args) };
  } catch (error) {
    return { ...base, arguments: args, refused: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function serialise(result: unknown): string {
  return typeof result === "string" ? result : (JSON.stringify(result) ?? "null");
}
