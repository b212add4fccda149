import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { createTestDb, type TestDb } from "~/server/testing/test-db";
import { callConnector, connectorTestContext } from "./connector-test-context";
import { startLocalHttpServer } from "./local-http-server";
import { connectorNameOf, createConnectorRegistry, toolNameOf } from "./registry";

const registry = createConnectorRegistry();

let testDb: TestDb;
let server: Awaited<ReturnType<typeof startLocalHttpServer>>;
beforeAll(async () => {
  testDb = createTestDb();
  server = await startLocalHttpServer();
});
afterAll(async () => {
  await server.close();
  await testDb.dispose();
});

function rejection(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => expect.fail("expected a rejection"),
    (reason: unknown) => {
      expect(reason).toBeInstanceOf(AppError);
      return reason as AppError;
    },
  );
}

describe("connector registry", () => {
  it("lists every built-in connector with its side effect and input JSON schema", () => {
    const list = registry.list();
    expect(list.map(({ name, sideEffect }) => [name, sideEffect])).toEqual([
      ["purchaseOrder.lookup", "read"],
      ["transform", "none"],
      ["invoice.createStaging", "write"],
      ["payment.schedule", "write"],
      ["ticket.assign", "write"],
      ["notify", "write"],
      ["http", "external"],
    ]);
    const payment = list.find((entry) => entry.name === "payment.schedule")!;
    expect(payment.inputSchema).toMatchObject({ type: "object", required: ["vendor", "amount"], properties: { dueInDays: { default: 14 } } });
    expect(payment.inputSchema).not.toHaveProperty("$schema");
  });

  it("every write or external connector has a preview; every connector has a description", () => {
    for (const { name, sideEffect, description } of registry.list()) {
      expect(description.length).toBeGreaterThan(10);
      if (sideEffect === "write" || sideEffect === "external") expect(registry.get(name).preview, name).toBeTypeOf("function");
    }
  });

  it("offers a connector as an LLM tool under a name OpenAI accepts, and maps it back", () => {
    const tool = registry.toolDefinition("purchaseOrder.lookup");
    expect(tool).toMatchObject({ name: "purchaseOrder__lookup", parameters: { type: "object", required: ["poNumber"] } });
    expect(tool.description).toContain("purchase order");
    for (const { name } of registry.list()) {
      expect(toolNameOf(name)).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
      expect(connectorNameOf(toolNameOf(name))).toBe(name);
    }
  });

  it("an unknown connector is NOT_FOUND", () => {
    expect(() => registry.get("nope.missing")).toThrow(new AppError("NOT_FOUND", "Unknown connector nope.missing"));
    expect(() => registry.toolDefinition("nope")).toThrow(AppError);
  });

  it("refuses connectors with the same name", () => {
    const http = registry.get("http");
    expect(() => createConnectorRegistry([http, http])).toThrow(/Duplicate connector "http"/);
  });
});

describe("http connector through the registry", () => {
  const http = registry.get("http");

  it("refuses loopback hosts unless allowlisted", async () => {
    const error = await rejection(callConnector(http, { url: `${server.origin}/x` }, connectorTestContext(testDb.db)));
    expect(error.code).toBe("FORBIDDEN");
    expect(server.received).toHaveLength(0);
  });

  it("sends to an allowlisted host with the step's idempotency key, filling in secret references", async () => {
    const context = connectorTestContext(testDb.db, { httpAllowlist: [server.host], secrets: { SUPPORT_API_URL: server.origin }, idempotencyKey: "run-9:close:1" });
    const output = await callConnector(http, { url: "{{secret.SUPPORT_API_URL}}/cases/close", method: "POST", body: { customerId: "C-1" } }, context);
    expect(output).toMatchObject({ status: 200, body: { ok: true }, truncated: false });
    expect(server.received.at(-1)).toMatchObject({ method: "POST", url: "/cases/close", body: JSON.stringify({ customerId: "C-1" }) });
    expect(server.received.at(-1)!.headers["idempotency-key"]).toBe("run-9:close:1");
  });

  it("fails clearly when a referenced setting is missing", async () => {
    const error = await rejection(callConnector(http, { url: "{{secret.PAPERS_API_URL}}/papers?q=x" }, connectorTestContext(testDb.db)));
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: 'Unknown secret "PAPERS_API_URL"' });
  });

  it("previews a dry run without sending or resolving secrets", () => {
    const sent = server.received.length;
    const preview = http.preview!(http.input.parse({ url: "{{secret.PAPERS_API_URL}}/papers", method: "POST" }));
    expect(http.output.parse(preview)).toEqual({
      shadow: true,
      dryRun: true,
      status: 0,
      headers: {},
      body: { dryRun: true, method: "POST", url: "{{secret.PAPERS_API_URL}}/papers" },
      truncated: false,
      durationMs: 0,
    });
    expect(server.received).toHaveLength(sent);
  });
});
