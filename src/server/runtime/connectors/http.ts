import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { AppError, type AppErrorCode } from "~/server/errors";
import { resolvePinnedAddresses, type PinnedAddresses } from "~/server/runtime/net/resolve-host";
import { redact, stringRedactor } from "~/server/runtime/payload/redact";
import { substituteSecrets } from "~/server/runtime/payload/secret-references";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A request as a workflow step describes it; strings may reference secrets as `{{secret.NAME}}`. */
export type HttpConnectorRequest = {
  url: string;
  method?: HttpMethod;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON (with `content-type: application/json` unless set). */
  body?: unknown;
  /** Whole-request limit (connect, send, read). Default 30 s. */
  timeoutMs?: number;
};

export type HttpConnectorOptions = {
  /** Sent as the `Idempotency-Key` header on every request, replacing any given one. */
  idempotencyKey: string;
  /** `host` or `host:port` entries that may resolve to private or loopback addresses. */
  allowlist: readonly string[];
  /** Values for `{{secret.NAME}}` references; never returned or put in an error message. */
  secrets: Readonly<Record<string, string>>;
  /** Response bodies are cut at this many bytes. Default 1 MiB. */
  maxResponseBytes?: number;
  /** Validate and resolve everything, but send nothing (shadow mode). */
  dryRun?: boolean;
};

export type HttpConnectorResponse = {
  status: number;
  /** Lower-cased response headers without `set-cookie` and hop-by-hop headers. */
  headers: Record<string, string>;
  /** Parsed JSON for a complete JSON response, otherwise the text. */
  body: unknown;
  /** Whether the body was cut at `maxResponseBytes`. */
  truncated: boolean;
  durationMs: number;
  /** Present on a dry run, which sent nothing: `status` is 0 and `body` describes the request. */
  dryRun?: true;
};

/** Why a request that was allowed to go out did not produce a response. */
export type ConnectorFailure = "timeout" | "network";

/**
 * A request that went out but failed in transit. `retryable` tells the runtime whether another
 * attempt (with the same idempotency key) may succeed.
 */
export class ConnectorError extends AppError {
  constructor(
    code: AppErrorCode,
    message: string,
    readonly failure: ConnectorFailure,
    readonly retryable: boolean,
  ) {
    super(code, message);
  }
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
const HIDDEN_RESPONSE_HEADERS = new Set(["set-cookie", "set-cookie2", "connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-authenticate"]);
const TRANSIENT_NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/**
 * Sends one HTTP(S) request for a `task` step, guarded against server-side request forgery.
 *
 * @remarks
 * - Only `http:` and `https:` (`AppError("BAD_REQUEST")` otherwise).
 * - The host is resolved once; if any address is loopback, private, link-local, CGNAT,
 *   unique-local, unspecified, multicast, broadcast or cloud metadata (also inside IPv4-mapped
 *   IPv6), the request is refused with `AppError("FORBIDDEN")` unless the host is allowlisted.
 *   The socket connects only to the checked addresses, so DNS rebinding cannot redirect it.
 * - Redirects are not followed: a 3xx is returned as the response.
 * - `{{secret.NAME}}` references in the URL, headers and body are filled in at send time; an
 *   unknown name is `AppError("BAD_REQUEST")`. Secret values are redacted from the result and
 *   from every error message.
 * - Timeouts and transport failures throw {@link ConnectorError} with `retryable`.
 *
 * @example
 * await httpConnector(
 *   { url: "https://api.example.com/tickets", method: "POST", headers: { authorization: "Bearer {{secret.API_TOKEN}}" }, body: { title } },
 *   { idempotencyKey: `${runId}:${stepId}:1`, allowlist: [], secrets: { API_TOKEN: token } },
 * );
 */
export async function httpConnector(request: HttpConnectorRequest, options: HttpConnectorOptions): Promise<HttpConnectorResponse> {
  const secretValues = Object.values(options.secrets).flatMap((secret) => [secret, encodeURIComponent(secret)]);
  const scrub = stringRedactor({ secretValues, tokenPatterns: false });
  try {
    const url = parseUrl(substituteSecrets(request.url, options.secrets));
    const pinned = await resolvePinnedAddresses(url, options.allowlist);
    const method = request.method ?? "GET";
    const { headers, payload } = buildOutgoing(request, options);
    if (options.dryRun) {
      return { status: 0, headers: {}, body: { dryRun: true, method, url: request.url }, truncated: false, durationMs: 0, dryRun: true };
    }
    const response = await send(url, pinned, method, headers, payload, {
      timeoutMs: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    });
    return redact(response, { secretValues, sensitiveKeys: false, tokenPatterns: false }) as HttpConnectorResponse;
  } catch (error) {
    throw scrubError(error, scrub);
  }
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The connector URL is not a valid absolute URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AppError("BAD_REQUEST", `URL scheme "${url.protocol}" is not allowed; use http or https`);
  }
  return url;
}

function buildOutgoing(request: HttpConnectorRequest, options: HttpConnectorOptions): { headers: OutgoingHttpHeaders; payload?: string } {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(substituteSecrets(request.headers ?? {}, options.secrets))) {
    if (name.toLowerCase() !== "idempotency-key") headers[name.toLowerCase()] = value;
  }
  headers["idempotency-key"] = options.idempotencyKey;
  if (request.body === undefined) return { headers };
  const body = substituteSecrets(request.body, options.secrets);
  const payload = typeof body === "string" ? body : JSON.stringify(body);
  headers["content-type"] ??= typeof body === "string" ? "text/plain; charset=utf-8" : "application/json";
  headers["content-length"] = Buffer.byteLength(payload);
  return { headers, payload };
}

type SendLimits = { timeoutMs: number; maxResponseBytes: number };

function send(
  url: URL,
  pinned: PinnedAddresses,
  method: HttpMethod,
  headers: OutgoingHttpHeaders,
  payload: string | undefined,
  limits: SendLimits,
): Promise<HttpConnectorResponse> {
  const started = performance.now();
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, pinned);
    else callback(null, pinned[0].address, pinned[0].family);
  };
  const requestFn = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = requestFn(url, { method, headers, lookup, agent: false }, (res) => {
      readBody(res, limits.maxResponseBytes).then(({ text, truncated }) => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          headers: visibleHeaders(res),
          body: decodeBody(text, truncated, res.headers["content-type"]),
          truncated,
          durationMs: Math.round(performance.now() - started),
        });
      }, fail);
    });
    const timer = setTimeout(() => {
      req.destroy();
      fail(new ConnectorError("TIMEOUT", `Request to host "${url.hostname}" timed out after ${limits.timeoutMs} ms`, "timeout", true));
    }, limits.timeoutMs);
    function fail(error: unknown): void {
      clearTimeout(timer);
      reject(error instanceof AppError ? error : networkError(url, error));
    }
    req.on("error", fail);
    req.end(payload);
  });
}

function readBody(res: IncomingMessage, maxBytes: number): Promise<{ text: string; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on("data", (chunk: Buffer) => {
      const room = maxBytes - size;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      size += Math.min(chunk.length, room);
      if (chunk.length > room) {
        res.destroy();
        resolve({ text: Buffer.concat(chunks).toString("utf8"), truncated: true });
      }
    });
    res.on("end", () => resolve({ text: Buffer.concat(chunks).toString("utf8"), truncated: false }));
    res.on("error", reject);
  });
}

function decodeBody(text: string, truncated: boolean, contentType: string | undefined): unknown {
  if (truncated || !contentType || !/[/+]json\b/i.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function visibleHeaders(res: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined || HIDDEN_RESPONSE_HEADERS.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

function networkError(url: URL, error: unknown): ConnectorError {
  const code = (error as NodeJS.ErrnoException).code;
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  return new ConnectorError("BAD_GATEWAY", `Request to host "${url.hostname}" failed: ${detail}`, "network", code !== undefined && TRANSIENT_NETWORK_CODES.has(code));
}

/** Rebuilds an error so that its message holds no secret value; other errors pass through as AppErrors. */
function scrubError(error: unknown, scrub: (text: string) => string): AppError {
  if (error instanceof ConnectorError) return new ConnectorError(error.code, scrub(error.message), error.failure, error.retryable);
  if (error instanceof AppError) return new AppError(error.code, scrub(error.message));
  const message = error instanceof Error ? error.message : String(error);
  return new AppError("BAD_REQUEST", `HTTP request could not be sent: ${scrub(message)}`);
}
