import { afterEach, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI, type Fixture } from "~/server/testing/fake-openai-server";

let fake: FakeOpenAI | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(fixtures: Fixture[], apiKey?: string): Promise<FakeOpenAI> {
  fake = await startFakeOpenAI({ fixtures, ...(apiKey !== undefined ? { apiKey } : {}) });
  return fake;
}

/** The parts of a completion or error body the assertions read. */
type ReplyBody = {
  choices: [{ message: { content: string | null }; finish_reason: string }];
  error: { message: string };
};

async function chat(server: FakeOpenAI, body: unknown, key = "sk-any"): Promise<{ status: number; json: ReplyBody }> {
  const response = await fetch(`${server.baseURL}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as ReplyBody };
}

const user = (content: string, model = "gpt-4o-mini") => ({ model, messages: [{ role: "user", content }] });

describe("startFakeOpenAI", () => {
  it("answers from the first matching fixture with deterministic usage", async () => {
    const server = await start([
      { match: { model: "gpt-4.1" }, reply: { content: "from 4.1" } },
      { match: { promptIncludes: "weather" }, reply: { content: "sunny" } },
      { reply: { content: "fallback" } },
    ]);
    const { status, json } = await chat(server, user("what is the weather"));
    expect(status).toBe(200);
    expect(json).toMatchObject({
      object: "chat.completion",
      model: "gpt-4o-mini",
      choices: [{ index: 0, message: { role: "assistant", content: "sunny" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
    });
    expect((await chat(server, user("what is the weather", "gpt-4.1"))).json.choices[0].message.content).toBe("from 4.1");
    expect((await chat(server, user("other"))).json.choices[0].message.content).toBe("fallback");
    expect(server.requests.map((request) => request.fixture)).toEqual([1, 0, 2]);
    expect(server.requests[0]).toMatchObject({ method: "POST", path: "/v1/chat/completions", prompt: "what is the weather" });
  });

  it("returns json replies as content strings and tool calls with encoded arguments", async () => {
    const server = await start([
      { match: { promptIncludes: "json" }, reply: { json: { a: 1 } } },
      { match: { promptIncludes: "tool" }, reply: { toolCalls: [{ name: "search", arguments: { q: "x" } }, { name: "raw", arguments: "{}" }] } },
    ]);
    expect((await chat(server, user("json"))).json.choices[0].message.content).toBe('{"a":1}');
    const { json } = await chat(server, user("tool"));
    expect(json.choices[0]).toMatchObject({
      finish_reason: "tool_calls",
      message: {
        content: null,
        tool_calls: [
          { id: "call_2_0", type: "function", function: { name: "search", arguments: '{"q":"x"}' } },
          { id: "call_2_1", type: "function", function: { name: "raw", arguments: "{}" } },
        ],
      },
    });
  });

  it("matches on tool results by tool name", async () => {
    const server = await start([
      { match: { hasToolResult: "search" }, reply: { content: "merged" } },
      { match: { hasToolResult: false }, reply: { toolCalls: [{ name: "search", arguments: {} }] } },
    ]);
    const conversation = [
      { role: "user", content: "research" },
      { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "search", arguments: "{}" } }] },
      { role: "tool", tool_call_id: "c1", content: "found" },
    ];
    expect((await chat(server, user("research"))).json.choices[0].finish_reason).toBe("tool_calls");
    expect((await chat(server, { model: "m", messages: conversation })).json.choices[0].message.content).toBe("merged");
  });

  it("limits a fixture to `times` uses", async () => {
    const server = await start([
      { reply: { content: "first" }, times: 1 },
      { reply: { content: "later" } },
    ]);
    expect((await chat(server, user("a"))).json.choices[0].message.content).toBe("first");
    expect((await chat(server, user("a"))).json.choices[0].message.content).toBe("later");
  });

  it("answers unmatched requests with a 400 naming the prompt", async () => {
    const server = await start([{ match: { promptIncludes: "known" }, reply: { content: "x" } }]);
    const { status, json } = await chat(server, user("surprise question"));
    expect(status).toBe(400);
    expect(json.error.message).toContain('"surprise question"');
  });

  it("scripts error replies in OpenAI's error shape", async () => {
    const server = await start([{ reply: { status: 503, error: "overloaded" } }]);
    const { status, json } = await chat(server, user("a"));
    expect(status).toBe(503);
    expect(json).toEqual({ error: { message: "overloaded", type: "server_error", param: null, code: "server_error" } });
  });

  it("checks the bearer key when one is configured, masking the presented key", async () => {
    const server = await start([{ reply: { content: "ok" } }], "sk-right-key");
    expect((await chat(server, user("a"), "sk-right-key")).status).toBe(200);
    const wrong = await chat(server, user("a"), "sk-wrong-key-123456");
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toMatchObject({ type: "invalid_request_error", code: "invalid_api_key" });
    expect(wrong.json.error.message).not.toContain("sk-wrong-key-123456");
    expect(server.requests).toHaveLength(2);
  });

  it("delays a reply by delayMs", async () => {
    const server = await start([{ reply: { content: "slow", delayMs: 120 } }]);
    const started = Date.now();
    expect((await chat(server, user("a"))).json.choices[0].message.content).toBe("slow");
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it("rejects a body that is not JSON, and records it", async () => {
    const server = await start([{ reply: { content: "x" } }]);
    const response = await fetch(`${server.baseURL}/chat/completions`, { method: "POST", body: "{not json" });
    expect(response.status).toBe(400);
    expect(server.requests).toHaveLength(1);
  });

  it("lists models and rejects unknown routes", async () => {
    const server = await start([{ match: { model: "house-model" }, reply: { content: "x" } }]);
    const models = (await (await fetch(`${server.baseURL}/models`)).json()) as { data: { id: string }[] };
    expect(models.data.map((model) => model.id)).toEqual(expect.arrayContaining(["gpt-4o-mini", "house-model"]));
    expect((await fetch(`${server.baseURL}/embeddings`, { method: "POST", body: "{}" })).status).toBe(404);
  });

  it("closes promptly with a reply still pending", async () => {
    const server = await start([{ reply: { content: "never", delayMs: 10_000 } }]);
    const pending = chat(server, user("a")).catch(() => "aborted");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    fake = undefined;
    expect(await pending).toBe("aborted");
  });
});
