import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Which requests a fixture answers; every given condition must hold. An empty match answers
 * anything.
 */
export type FixtureMatch = {
  /** A `user` message contains this text. */
  promptIncludes?: string;
  /** A `system` message contains this text. */
  systemIncludes?: string;
  /** The request's `model` is exactly this. */
  model?: string;
  /**
   * A tool name: the conversation holds the result of a call to that tool. `true`: any tool
   * result; `false`: none yet (the first round of a tool conversation).
   */
  hasToolResult?: string | boolean;
};

/** Wait before answering (to test timeouts), combined with any reply. */
type Delay = { delayMs?: number };

/** A scripted answer. */
export type FixtureReply =
  | ({ content: string } & Delay)
  /** Sent as the message content string, as OpenAI does for `json_schema` output. */
  | ({ json: unknown } & Delay)
  /** `arguments` is JSON-encoded unless it is already a string. */
  | ({ toolCalls: { name: string; arguments: unknown }[] } & Delay)
  /** An error response in OpenAI's `{ error: { message, type, code } }` shape. */
  | ({ status: number; error: string } & Delay);

export type Fixture = {
  match?: FixtureMatch;
  reply: FixtureReply;
  /** Answer at most this many requests, then let later fixtures match. */
  times?: number;
};

export type RecordedRequest = {
  method: string;
  path: string;
  /** Lower-cased request headers. */
  headers: Record<string, string>;
  /** The parsed JSON body (`undefined` for GET). */
  body: unknown;
  /** The last `user` message's text, for assertions. */
  prompt: string;
  /** Index in `fixtures` of the fixture that answered, if one did. */
  fixture?: number;
};

export type FakeOpenAIOptions = {
  fixtures: Fixture[];
  /** When set, requests must carry `Authorization: Bearer <apiKey>` (401 otherwise). */
  apiKey?: string;
};

export type FakeOpenAI = {
  /** `http://127.0.0.1:<port>/v1`, ready for `new OpenAI({ baseURL })`. */
  baseURL: string;
  /** Every request received, in order, including refused ones. */
  requests: RecordedRequest[];
  close(): Promise<void>;
};

type ChatMessage = { role?: unknown; content?: unknown; tool_call_id?: unknown; tool_calls?: unknown };
type ChatBody = { model?: unknown; messages?: unknown; stream?: unknown };

/** Models listed by `GET /v1/models`, besides those the fixtures name. */
const LISTED_MODELS = ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "o4-mini"];
const CREATED = 1_700_000_000;

/**
 * Starts a scripted, OpenAI-compatible HTTP server on 127.0.0.1 (random port) for tests: answers
 * `POST /v1/chat/completions` (non-streaming) from `fixtures` and `GET /v1/models`.
 *
 * @remarks The first fixture that matches and has uses left answers. An unmatched request gets a
 * 400 naming the prompt, so a missing script is obvious. Token usage is deterministic:
 * `prompt_tokens` = ceil(characters of all message contents / 4), `completion_tokens` =
 * ceil(characters of the reply content or tool-call arguments / 4), each at least 1.
 *
 * @example
 * const fake = await startFakeOpenAI({
 *   apiKey: "sk-test",
 *   fixtures: [{ match: { promptIncludes: "printer" }, reply: { json: { team: "hardware", confidence: 0.92, rationale: "mentions a printer" } } }],
 * });
 * const llm = createLlmClient({ apiKey: "sk-test", baseURL: fake.baseURL, defaultModel: "gpt-4o-mini", prices: DEFAULT_PRICES });
 * await fake.close();
 */
export async function startFakeOpenAI(options: FakeOpenAIOptions): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const used = options.fixtures.map(() => 0);
  const timers = new Set<NodeJS.Timeout>();
  let completions = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const text = await readText(req);
    const recorded: RecordedRequest = { method: req.method ?? "GET", path: req.url ?? "/", headers: flatHeaders(req), body: undefined, prompt: "" };
    requests.push(recorded);
    try {
      recorded.body = text === "" ? undefined : (JSON.parse(text) as unknown);
    } catch {
      return sendError(res, 400, "The request body is not valid JSON", "invalid_json");
    }
    const chat = (recorded.body ?? {}) as ChatBody;
    const messages = Array.isArray(chat.messages) ? chat.messages.filter(isMessage) : [];
    recorded.prompt = messages.filter((m) => m.role === "user").map((m) => textOf(m.content)).at(-1) ?? "";
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendError(res, 401, incorrectKeyMessage(req.headers.authorization), "invalid_api_key");
    }
    if (recorded.method === "GET" && recorded.path === "/v1/models") return sendJson(res, 200, modelList(options.fixtures));
    if (recorded.method !== "POST" || recorded.path !== "/v1/chat/completions") {
      return sendError(res, 404, `Unknown route ${recorded.method} ${recorded.path} on the fake OpenAI server`, "unknown_url");
    }
    if (!Array.isArray(chat.messages)) return sendError(res, 400, "'messages' is required", "invalid_request");
    if (chat.stream === true) return sendError(res, 400, "The fake OpenAI server does not stream", "invalid_request");
    const index = options.fixtures.findIndex(
      (fixture, i) => (fixture.times === undefined || (used[i] ?? 0) < fixture.times) && matches(fixture.match ?? {}, chat.model, messages),
    );
    const fixture = options.fixtures[index];
    if (!fixture) {
      return sendError(res, 400, `No fixture matches the request (model ${String(chat.model)}, prompt ${JSON.stringify(recorded.prompt)})`, "no_fixture");
    }
    used[index] = (used[index] ?? 0) + 1;
    recorded.fixture = index;
    const sequence = ++completions;
    const answer = () => answerCompletion(res, fixture.reply, chat.model, messages, sequence);
    if (!fixture.reply.delayMs) return answer();
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, fixture.reply.delayMs);
    timers.add(timer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendError(res, 500, `Fake OpenAI server failure: ${String(error)}`, "fake_server_error"));
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function matches(match: FixtureMatch, model: unknown, messages: ChatMessage[]): boolean {
  const contains = (role: string, part: string | undefined) =>
    part === undefined || messages.some((m) => m.role === role && textOf(m.content).includes(part));
  if (match.model !== undefined && model !== match.model) return false;
  if (!contains("user", match.promptIncludes) || !contains("system", match.systemIncludes)) return false;
  if (match.hasToolResult === undefined) return true;
  const answered = answeredToolNames(messages);
  if (typeof match.hasToolResult === "boolean") return match.hasToolResult === answered.size > 0;
  return answered.has(match.hasToolResult);
}

/** Names of the tools whose calls have a `tool` result message in the conversation. */
function answeredToolNames(messages: ChatMessage[]): Set<string> {
  const names = new Map<string, string>();
  for (const message of messages) {
    if (message.role !== "assistant" || !Array.isArray(message.tool_calls)) continue;
    for (const call of message.tool_calls as ({ id?: unknown; function?: { name?: unknown } } | null)[]) {
      if (typeof call?.id === "string" && typeof call.function?.name === "string") names.set(call.id, call.function.name);
    }
  }
  const answered = new Set<string>();
  for (const message of messages) {
    const name = message.role === "tool" && typeof message.tool_call_id === "string" ? names.get(message.tool_call_id) : undefined;
    if (name !== undefined) answered.add(name);
  }
  return answered;
}

function answerCompletion(res: ServerResponse, reply: FixtureReply, model: unknown, messages: ChatMessage[], sequence: number): void {
  if ("status" in reply) return sendError(res, reply.status, reply.error, reply.status >= 500 ? "server_error" : "fixture_error");
  const toolCalls =
    "toolCalls" in reply
      ? reply.toolCalls.map((call, i) => ({
          id: `call_${sequence}_${i}`,
          type: "function",
          function: { name: call.name, arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments) },
        }))
      : undefined;
  const content = "content" in reply ? reply.content : "json" in reply ? JSON.stringify(reply.json) : null;
  const promptChars = messages.reduce((sum, m) => sum + textOf(m.content).length, 0);
  const completionChars = content?.length ?? toolCalls?.reduce((sum, call) => sum + call.function.arguments.length, 0) ?? 0;
  const promptTokens = tokens(promptChars);
  const completionTokens = tokens(completionChars);
  sendJson(res, 200, {
    id: `chatcmpl-fake-${sequence}`,
    object: "chat.completion",
    created: CREATED,
    model: typeof model === "string" ? model : "unknown",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content, refusal: null, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
        finish_reason: toolCalls ? "tool_calls" : "stop",
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  });
}

function tokens(characters: number): number {
  return Math.max(1, Math.ceil(characters / 4));
}

function modelList(fixtures: Fixture[]): unknown {
  const fromFixtures = fixtures.flatMap((fixture) => (fixture.match?.model !== undefined ? [fixture.match.model] : []));
  const ids = [...new Set([...LISTED_MODELS, ...fromFixtures])];
  return { object: "list", data: ids.map((id) => ({ id, object: "model", created: CREATED, owned_by: "fake-openai" })) };
}

/** OpenAI's wording, with the presented key masked as OpenAI masks it. */
function incorrectKeyMessage(authorization: string | undefined): string {
  const key = authorization?.replace(/^Bearer\s+/i, "") ?? "";
  if (!key) return "You didn't provide an API key.";
  return `Incorrect API key provided: ${key.slice(0, 3)}${"*".repeat(Math.max(0, key.length - 7))}${key.slice(-4)}.`;
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part: { text?: unknown }) => (typeof part.text === "string" ? part.text : "")).join("");
}

function isMessage(value: unknown): value is ChatMessage {
  return typeof value === "object" && value !== null;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : (value ?? "")]));
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function sendError(res: ServerResponse, status: number, message: string, code: string): void {
  const type = status >= 500 ? "server_error" : "invalid_request_error";
  sendJson(res, status, { error: { message, type, param: null, code } });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
