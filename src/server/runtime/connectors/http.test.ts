import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { ConnectorError, httpConnector, type HttpConnectorOptions } from "~/server/runtime/connectors/http";

type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

const SECRET = "crm-t0ken-ABCDEF";
let server: Server;
let origin: string;
let port: number;
const received: Received[] = [];

const options = (extra: Partial<HttpConnectorOptions> = {}): HttpConnectorOptions => ({
  idempotencyKey: "run-1:step-2:1",
  allowlist: [`127.0.0.1:${port}`],
  secrets: { CRM_TOKEN: SECRET },
  ...extra,
});

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const entry = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() };
      received.push(entry);
      if (req.url === "/slow") return void setTimeout(() => res.end("late"), 2_000);
      if (req.url === "/big") return void res.end("y".repeat(100_000));
      if (req.url === "/redirect") return void res.writeHead(302, { location: `${origin}/echo` }).end();
      if (req.url === "/text") return void res.writeHead(200, { "content-type": "text/plain" }).end("plain text");
      res.writeHead(201, { "content-type": "application/json", "set-cookie": "session=abc", "x-trace": "t1" });
      res.end(JSON.stringify(entry));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("httpConnector: address policy", () => {
  it.each([
    ["http://127.0.0.1/", "loopback"],
    ["http://10.0.0.7/", "private"],
    ["http://192.168.0.1:8080/", "private"],
    ["http://169.254.169.254/latest/meta-data/", "cloud metadata"],
    ["http://[::1]/", "loopback"],
    ["http://[::ffff:127.0.0.1]/", "loopback"],
    ["http://[::ffff:a00:1]/", "private"],
    ["http://0x7f.1/", "loopback"],
  ])("refuses %s (%s)", async (url, range) => {
    const error = await rejection(httpConnector({ url }, options({ allowlist: [] })));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain(range);
  });

  it("refuses a hostname that resolves to loopback, naming the host", async () => {
    const error = await rejection(httpConnector({ url: `http://localhost:${port}/echo` }, options({ allowlist: [] })));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/host "localhost".*loopback/);
    expect(received).toHaveLength(0);
  });

  it("refuses cloud metadata even when allowlisted", async () => {
    const error = await rejection(httpConnector({ url: "http://169.254.169.254/" }, options({ allowlist: ["169.254.169.254"] })));
    expect(error.code).toBe("FORBIDDEN");
  });

  it.each(["file:///etc/passwd", "ftp://example.com/x", "not a url"])("refuses %s", async (url) => {
    const error = await rejection(httpConnector({ url }, options()));
    expect(error.code).toBe("BAD_REQUEST");
  });
});

describe("httpConnector: sending", () => {
  it("sends to an allowlisted host with the idempotency key and secrets, and returns no secret", async () => {
    const response = await httpConnector(
      {
        url: `${origin}/echo?token={{secret.CRM_TOKEN}}`,
        method: "POST",
        headers: { Authorization: "Bearer {{secret.CRM_TOKEN}}", "idempotency-key": "caller-chosen" },
        body: { note: "token is {{secret.CRM_TOKEN}}" },
      },
      options(),
    );
    const arrived = received.at(-1)!;
    expect(arrived.method).toBe("POST");
    expect(arrived.headers["idempotency-key"]).toBe("run-1:step-2:1");
    expect(arrived.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(arrived.headers["content-type"]).toBe("application/json");
    expect(arrived.url).toBe(`/echo?token=${SECRET}`);
    expect(JSON.parse(arrived.body)).toEqual({ note: `token is ${SECRET}` });

    expect(response.status).toBe(201);
    expect(response.truncated).toBe(false);
    expect(response.headers["x-trace"]).toBe("t1");
    expect(response.headers["set-cookie"]).toBeUndefined();
    expect(response.body).toMatchObject({ method: "POST", url: "/echo?token=[REDACTED]" });
    expect(JSON.stringify(response)).not.toContain(SECRET);
  });

  it("reaches an allowlisted hostname (localhost) through its checked addresses", async () => {
    const response = await httpConnector({ url: `http://localhost:${port}/text` }, options({ allowlist: ["localhost"] }));
    expect(response).toMatchObject({ status: 200, body: "plain text" });
  });

  it("returns a redirect instead of following it", async () => {
    const before = received.length;
    const response = await httpConnector({ url: `${origin}/redirect` }, options());
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(`${origin}/echo`);
    expect(received.length).toBe(before + 1);
  });

  it("caps the response body", async () => {
    const response = await httpConnector({ url: `${origin}/big` }, options({ maxResponseBytes: 1000 }));
    expect(response.truncated).toBe(true);
    expect(response.body).toBe("y".repeat(1000));
  });

  it("aborts on timeout with a retryable typed error", async () => {
    const started = Date.now();
    const error = await rejection(httpConnector({ url: `${origin}/slow`, timeoutMs: 150 }, options()));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ failure: "timeout", retryable: true });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("reports a refused connection as retryable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await rejection(httpConnector({ url: `http://127.0.0.1:${closedPort}/` }, options({ allowlist: ["127.0.0.1"] })));
    expect(error).toMatchObject({ failure: "network", retryable: true });
  });

  it("names an unknown secret without sending or leaking values", async () => {
    const before = received.length;
    const error = await rejection(httpConnector({ url: `${origin}/echo`, headers: { "x-key": "{{secret.NOPE}}" } }, options()));
    expect(error.message).toBe('Unknown secret "NOPE"');
    expect(received.length).toBe(before);
  });

  it("keeps secret values out of error messages", async () => {
    const error = await rejection(httpConnector({ url: `http://{{secret.CRM_TOKEN}}.invalid/` }, options()));
    expect(error.message).not.toContain(SECRET.toLowerCase());
    expect(error.message).not.toContain(SECRET);
  });

  it("validates but sends nothing on a dry run", async () => {
    const before = received.length;
    const response = await httpConnector({ url: `${origin}/echo?t={{secret.CRM_TOKEN}}`, method: "DELETE" }, options({ dryRun: true }));
    expect(response).toMatchObject({ status: 0, dryRun: true, body: { dryRun: true, method: "DELETE" } });
    expect(JSON.stringify(response)).not.toContain(SECRET);
    expect(received.length).toBe(before);
  });
});
