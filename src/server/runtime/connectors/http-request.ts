import { z } from "zod";
import { AppError } from "~/server/errors";
import { defineConnector } from "./contract";
import { ConnectorError, httpConnector, type HttpConnectorResponse } from "./http";
import { shadowShape } from "./shadow";

const HttpRequestInput = z.object({
  url: z.string().min(1).max(8000).meta({ description: "Absolute http(s) URL; may reference server settings as {{secret.NAME}}." }),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).optional().meta({ description: "Default GET." }),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional().meta({ description: "A string is sent as is; anything else as JSON." }),
  timeoutMs: z.number().int().min(1).max(300_000).optional().meta({ description: "Whole-request limit. Default 30 s." }),
});

const HttpResponseOutput = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.unknown(),
  truncated: z.boolean(),
  durationMs: z.number(),
  dryRun: z.literal(true).optional(),
  ...shadowShape,
});

/**
 * A step succeeds on a 1xx–3xx answer. 429 and 5xx fail retryably (the same idempotency key goes
 * out again); any other 4xx fails at once, since repeating the same request cannot fix it.
 */
function failOnErrorStatus(response: HttpConnectorResponse): HttpConnectorResponse {
  if (response.status < 400) return response;
  const detail = typeof response.body === "string" ? response.body.slice(0, 200) : JSON.stringify(response.body ?? null).slice(0, 200);
  const message = `The service answered HTTP ${response.status}: ${detail}`;
  if (response.status === 429 || response.status >= 500) throw new ConnectorError("BAD_GATEWAY", message, "network", true);
  throw new AppError("BAD_REQUEST", message);
}

/**
 * `http`: one HTTP(S) request through {@link httpConnector}, so the SSRF rules, secret references
 * and the `Idempotency-Key` header (the step's idempotency key) all apply.
 *
 * @remarks Private and loopback hosts are refused unless in the server's HTTP allowlist. The step's
 * abort signal is not passed on (the HTTP client has its own `timeoutMs`). The preview describes the
 * request without resolving secrets or sending anything.
 */
export const httpRequestConnector = defineConnector({
  name: "http",
  description: "Sends an HTTP request to an external service and returns its status, headers and body.",
  input: HttpRequestInput,
  output: HttpResponseOutput,
  sideEffect: "external",
  execute: async (request, { idempotencyKey, httpAllowlist, secrets }) => failOnErrorStatus(await httpConnector(request, { idempotencyKey, allowlist: httpAllowlist, secrets })),
  preview: (request): HttpConnectorResponse & { shadow: true } => ({
    shadow: true,
    dryRun: true,
    status: 0,
    headers: {},
    body: { dryRun: true, method: request.method ?? "GET", url: request.url },
    truncated: false,
    durationMs: 0,
  }),
});
