import { afterEach, describe, expect, it } from "vitest";
import { createLlmClient } from "~/server/runtime/llm/client";
import { costOf, DEFAULT_PRICES } from "~/server/runtime/llm/prices";
import type { LlmClientConfig, LlmFailure, LlmResult, LlmSuccess, ToolExecutor } from "~/server/runtime/llm/types";
import { startFakeOpenAI, type FakeOpenAI, type Fixture } from "~/server/testing/fake-openai-server";

const API_KEY = "sk-test-flowgate-0123456789abcdef";
let fake: FakeOpenAI | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function clientFor(fixtures: Fixture[], config: Partial<LlmClientConfig> = {}) {
  fake = await startFakeOpenAI({ fixtures, apiKey: API_KEY });
  return createLlmClient({ apiKey: API_KEY, baseURL: fake.baseURL, defaultModel: "gpt-4o-mini", prices: DEFAULT_PRICES, ...config });
}

function succeeded(result: LlmResult): LlmSuccess {
  if (!result.ok) throw new Error(`expected success, got ${result.reason}: ${result.message}`);
  return result;
}

function failed(result: LlmResult): LlmFailure {
  if (result.ok) throw new Error("expected a failure");
  return result;
}

const triageSchema = {
  name: "ticket_triage",
  strict: true,
  schema: {
    type: "object",
    properties: { team: { type: "string" }, confidence: { type: "number" }, rationale: { type: "string" } },
    required: ["team", "confidence", "rationale"],
    additionalProperties: false,
  },
};

const recordingExecutor = (results: Record<string, unknown>) => {
  const calls: { name: string; args: unknown }[] = [];
  const executor: ToolExecutor = {
    execute: async (name, args) => {
      calls.push({ name, args });
      return results[name];
    },
  };
  return { calls, executor };
};

describe("createLlmClient", () => {
  it("completes a plain prompt and records the trace", async () => {
    const llm = await clientFor([{ match: { promptIncludes: "Say hello" }, reply: { content: "Hello there" } }]);
    const result = succeeded(await llm.complete({ system: "Be brief.", prompt: "Say hello", temperature: 0.2, maxTokens: 50 }));

    expect(result).toMatchObject({
      content: "Hello there",
      output: "Hello there",
      model: "gpt-4o-mini",
      parameters: { temperature: 0.2, maxTokens: 50 },
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Say hello" },
      ],
      toolCalls: [],
      usage: { promptTokens: 5, completionTokens: 3, totalTokens: 8 },
      priced: true,
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.costUsd).toBe(costOf("gpt-4o-mini", result.usage, DEFAULT_PRICES).usd);
    expect(fake!.requests[0]!.body).toMatchObject({ model: "gpt-4o-mini", temperature: 0.2, max_completion_tokens: 50 });
  });

  it("returns structured output with confidence and rationale", async () => {
    const llm = await clientFor([
      {
        match: { promptIncludes: "printer" },
        reply: { json: { team: "hardware", confidence: 0.92, rationale: "The ticket is about a printer." } },
      },
    ]);
    const result = succeeded(await llm.complete({ prompt: "Ticket: the printer is on fire", jsonSchema: triageSchema }));

    expect(result.output).toEqual({ team: "hardware", confidence: 0.92, rationale: "The ticket is about a printer." });
    expect(result.confidence).toBe(0.92);
    expect(result.rationale).toBe("The ticket is about a printer.");
    expect(fake!.requests[0]!.body).toMatchObject({
      response_format: { type: "json_schema", json_schema: { name: "ticket_triage", strict: true, schema: triageSchema.schema } },
    });
  });

  it("reads custom judgement fields, clamps confidence and ignores non-numbers", async () => {
    const llm = await clientFor([
      { match: { promptIncludes: "high" }, reply: { json: { label: "a", score: 1.7, why: "sure" } } },
      { match: { promptIncludes: "text" }, reply: { json: { label: "b", score: "0.9" } } },
    ]);
    const schema = { name: "s", schema: { type: "object", required: ["label"] } };
    const high = succeeded(await llm.complete({ prompt: "high", jsonSchema: schema, confidenceField: "score", rationaleField: "why" }));
    expect(high).toMatchObject({ confidence: 1, rationale: "sure" });
    const text = succeeded(await llm.complete({ prompt: "text", jsonSchema: schema, confidenceField: "score" }));
    expect(text.confidence).toBeUndefined();
    expect(text.rationale).toBeUndefined();
  });

  it("rejects structured output that does not parse or lacks required fields", async () => {
    const llm = await clientFor([
      { match: { promptIncludes: "garbage" }, reply: { content: "Sure! The team is hardware." } },
      { match: { promptIncludes: "partial" }, reply: { json: { team: "hardware" } } },
    ]);
    const garbage = failed(await llm.complete({ prompt: "garbage", jsonSchema: triageSchema }));
    expect(garbage).toMatchObject({ reason: "invalid_output", retryable: false, content: "Sure! The team is hardware." });
    const partial = failed(await llm.complete({ prompt: "partial", jsonSchema: triageSchema }));
    expect(partial.reason).toBe("invalid_output");
    expect(partial.message).toContain("confidence, rationale");
    expect(partial.usage.totalTokens).toBeGreaterThan(0);
  });

  it("runs an allowed tool and feeds its result back to the model", async () => {
    const llm = await clientFor([
      { match: { hasToolResult: false }, reply: { toolCalls: [{ name: "lookup_customer", arguments: { email: "a@b.c" } }] } },
      { match: { hasToolResult: "lookup_customer" }, reply: { content: "The customer is on the Gold plan." } },
    ]);
    const { calls, executor } = recordingExecutor({ lookup_customer: { plan: "gold" } });
    const result = succeeded(
      await llm.complete(
        {
          prompt: "Which plan is a@b.c on?",
          allowedTools: [{ name: "lookup_customer", description: "Find a customer", parameters: { type: "object", properties: { email: { type: "string" } } } }],
        },
        executor,
      ),
    );

    expect(calls).toEqual([{ name: "lookup_customer", args: { email: "a@b.c" } }]);
    expect(result.content).toBe("The customer is on the Gold plan.");
    expect(result.toolCalls).toEqual([
      { id: "call_1_0", name: "lookup_customer", arguments: { email: "a@b.c" }, result: { plan: "gold" }, refused: false, round: 1 },
    ]);
    const [first, second] = fake!.requests;
    expect(first!.body).toMatchObject({ tools: [{ type: "function", function: { name: "lookup_customer", description: "Find a customer" } }] });
    expect((second!.body as { messages: unknown[] }).messages.at(-1)).toEqual({ role: "tool", tool_call_id: "call_1_0", content: '{"plan":"gold"}' });
    expect(result.usage).toEqual({ promptTokens: 6 + 10, completionTokens: 5 + 9, totalTokens: 30 });
    expect(result.messages).toEqual([{ role: "user", content: "Which plan is a@b.c on?" }]);
  });

  it("refuses a tool that is not allowed and tells the model", async () => {
    const llm = await clientFor([
      { match: { hasToolResult: false }, reply: { toolCalls: [{ name: "delete_account", arguments: { id: 7 } }] } },
      { match: { hasToolResult: "delete_account" }, reply: { content: "I cannot do that." } },
    ]);
    const { calls, executor } = recordingExecutor({});
    const result = succeeded(
      await llm.complete({ prompt: "Delete account 7", allowedTools: [{ name: "lookup_customer", parameters: { type: "object" } }] }, executor),
    );

    expect(calls).toEqual([]);
    expect(result.toolCalls).toEqual([
      { id: "call_1_0", name: "delete_account", arguments: '{"id":7}', refused: true, error: 'Tool "delete_account" is not allowed in this step', round: 1 },
    ]);
    const reply = (fake!.requests[1]!.body as { messages: { role: string; content: string }[] }).messages.at(-1)!;
    expect(reply.role).toBe("tool");
    expect(JSON.parse(reply.content)).toEqual({ error: 'Tool "delete_account" is not allowed in this step' });
  });

  it("reports a failing tool to the model instead of failing the call", async () => {
    const llm = await clientFor([
      { match: { hasToolResult: false }, reply: { toolCalls: [{ name: "lookup_customer", arguments: "{not json" }, { name: "lookup_customer", arguments: {} }] } },
      { match: { hasToolResult: true }, reply: { content: "done" } },
    ]);
    const executor: ToolExecutor = { execute: () => Promise.reject(new Error("CRM unavailable")) };
    const result = succeeded(await llm.complete({ prompt: "p", allowedTools: [{ name: "lookup_customer", parameters: {} }] }, executor));
    expect(result.toolCalls.map(({ error, refused }) => ({ error, refused }))).toEqual([
      { error: "The tool arguments are not valid JSON", refused: false },
      { error: "CRM unavailable", refused: false },
    ]);
  });

  it("stops a tool loop after maxToolRounds", async () => {
    const llm = await clientFor([{ reply: { toolCalls: [{ name: "search", arguments: { q: "more" } }] } }], { maxToolRounds: 2 });
    const { calls, executor } = recordingExecutor({ search: "nothing new" });
    const result = failed(await llm.complete({ prompt: "Research forever", allowedTools: [{ name: "search", parameters: {} }] }, executor));

    expect(result).toMatchObject({ reason: "tool_loop_limit", retryable: false });
    expect(calls).toHaveLength(2);
    expect(result.toolCalls).toHaveLength(2);
    expect(fake!.requests).toHaveLength(3);
    expect(result.usage.promptTokens).toBeGreaterThan(0);
  });

  it.each([
    [500, true],
    [503, true],
    [429, true],
    [400, false],
  ])("turns an HTTP %i into a failure (retryable: %s)", async (status, retryable) => {
    const llm = await clientFor([{ reply: { status, error: "Scripted failure" } }]);
    const result = failed(await llm.complete({ prompt: "anything" }));
    expect(result).toMatchObject({ reason: "error", retryable, status });
    expect(result.message).toContain("Scripted failure");
  });

  it("fails a wrong API key with 401 without revealing the key", async () => {
    fake = await startFakeOpenAI({ fixtures: [{ reply: { content: "never" } }], apiKey: API_KEY });
    const wrongKey = "sk-wrong-key-abcdefghijklmnop";
    const llm = createLlmClient({ apiKey: wrongKey, baseURL: fake.baseURL, defaultModel: "gpt-4o-mini", prices: DEFAULT_PRICES });
    const result = failed(await llm.complete({ prompt: "hi" }));
    expect(result).toMatchObject({ reason: "error", status: 401, retryable: false });
    expect(result.message).toContain("Incorrect API key");
    expect(JSON.stringify(result)).not.toContain(wrongKey);
  });

  it("times out a slow reply as a retryable error", async () => {
    const llm = await clientFor([{ reply: { content: "late", delayMs: 2_000 } }], { timeoutMs: 150 });
    const started = Date.now();
    const result = failed(await llm.complete({ prompt: "hi" }));
    expect(result).toMatchObject({ reason: "error", retryable: true });
    expect(result.message).toMatch(/timed out/i);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("treats an unreachable endpoint as a retryable error", async () => {
    fake = await startFakeOpenAI({ fixtures: [] });
    const baseURL = fake.baseURL;
    await fake.close();
    fake = undefined;
    const llm = createLlmClient({ apiKey: API_KEY, baseURL, defaultModel: "gpt-4o-mini", prices: DEFAULT_PRICES });
    expect(failed(await llm.complete({ prompt: "hi" }))).toMatchObject({ reason: "error", retryable: true });
  });

  it("without an API key resolves no_model_configured and sends nothing", async () => {
    fake = await startFakeOpenAI({ fixtures: [{ reply: { content: "never" } }] });
    const llm = createLlmClient({ baseURL: fake.baseURL, defaultModel: "gpt-4o", prices: DEFAULT_PRICES });
    const result = failed(await llm.complete({ prompt: "hi" }));
    expect(result).toMatchObject({
      reason: "no_model_configured",
      message: "No model configured: set OPENAI_API_KEY",
      retryable: false,
      model: "gpt-4o",
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      costUsd: 0,
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("prices usage from the table, and flags an unknown model", async () => {
    const prices = { "house-model": { inputPer1M: 1_000_000, outputPer1M: 2_000_000 } };
    const llm = await clientFor([{ reply: { content: "12345678" } }], { prices, defaultModel: "house-model" });
    const priced = succeeded(await llm.complete({ prompt: "abcd" }));
    expect(priced.usage).toEqual({ promptTokens: 1, completionTokens: 2, totalTokens: 3 });
    expect(priced).toMatchObject({ costUsd: 5, priced: true });
    const unknown = succeeded(await llm.complete({ prompt: "abcd", model: "mystery-model" }));
    expect(unknown).toMatchObject({ model: "mystery-model", costUsd: 0, priced: false });
  });
});
