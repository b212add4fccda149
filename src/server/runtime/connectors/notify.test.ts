import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { createTestDb, createTestUser, type TestDb } from "~/server/testing/test-db";
import { callConnector, connectorTestContext } from "./connector-test-context";
import { startLocalHttpServer } from "./local-http-server";
import { notifyConnector } from "./notify";

let testDb: TestDb;
let server: Awaited<ReturnType<typeof startLocalHttpServer>>;
beforeAll(async () => {
  testDb = createTestDb();
  server = await startLocalHttpServer();
  await createTestUser(testDb.db, "approver", { email: "avery@test.local" });
  await createTestUser(testDb.db, "designer", { email: "dana@test.local" });
});
afterAll(async () => {
  await server.close();
  await testDb.dispose();
});

const notify = (input: unknown, key: string, extra: Parameters<typeof connectorTestContext>[1] = {}) =>
  callConnector(notifyConnector, input, connectorTestContext(testDb.db, { idempotencyKey: key, ...extra }));

describe("notify", () => {
  it("writes one row per user found by email and one per role", async () => {
    const output = await notify({ message: "Invoice INV-1 needs a look\nDetails follow", channel: "ap-team", users: ["avery@test.local", "dana@test.local", "nobody@test.local"], roles: ["approver"] }, "n:1");
    expect(output).toEqual({ notificationIds: ["n:1:0", "n:1:1", "n:1:2"], unknownUsers: ["nobody@test.local"] });
    const rows = await testDb.db.notification.findMany({ where: { runId: "run-1", id: { startsWith: "n:1:" } }, orderBy: { id: "asc" } });
    const avery = await testDb.db.user.findUniqueOrThrow({ where: { email: "avery@test.local" } });
    expect(rows.map((row) => [row.userId, row.role])).toEqual([
      [avery.id, null],
      [expect.any(String), null],
      [null, "approver"],
    ]);
    expect(rows[0]).toMatchObject({ title: "[ap-team] Invoice INV-1 needs a look", body: "Invoice INV-1 needs a look\nDetails follow" });
  });

  it("notifies the admin role when no user or role is named", async () => {
    expect(await notify({ message: "Something happened", title: "Heads up" }, "n:2")).toEqual({ notificationIds: ["n:2:0"], unknownUsers: [] });
    expect(await testDb.db.notification.findUniqueOrThrow({ where: { id: "n:2:0" } })).toMatchObject({ role: "admin", userId: null, title: "Heads up" });
  });

  it("writes once per idempotency key, also when attempts race", async () => {
    const input = { message: "Once", roles: ["approver", "admin"] };
    const outputs = await Promise.all([notify(input, "n:3"), notify(input, "n:3"), notify(input, "n:3")]);
    expect(outputs).toEqual(Array(3).fill({ notificationIds: ["n:3:0", "n:3:1"], unknownUsers: [] }));
    expect(await notify(input, "n:3")).toEqual(outputs[0]);
    expect(await testDb.db.notification.count({ where: { id: { startsWith: "n:3:" } } })).toBe(2);
  });

  it("rejects roles the product does not have", () => {
    expect(() => notifyConnector.input.parse({ message: "x", roles: ["on-call"] })).toThrow();
  });

  it("posts to a webhook through the HTTP connector, with the idempotency key and secret references", async () => {
    const output = await notify({ message: "Paid", channel: "ap-team", webhookUrl: "{{secret.HOOK_URL}}/hook" }, "n:4", {
      httpAllowlist: [server.host],
      secrets: { HOOK_URL: server.origin },
    });
    expect(output).toEqual({ notificationIds: ["n:4:0"], unknownUsers: [], webhook: { status: 200 } });
    const request = server.received.at(-1)!;
    expect(request).toMatchObject({ method: "POST", url: "/hook" });
    expect(request.headers["idempotency-key"]).toBe("n:4");
    expect(JSON.parse(request.body)).toMatchObject({ message: "Paid", channel: "ap-team", notificationIds: ["n:4:0"], runId: "run-1" });
  });

  it("refuses a loopback webhook that is not allowlisted", async () => {
    const error: unknown = await notify({ message: "x", webhookUrl: `${server.origin}/hook` }, "n:5").catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("FORBIDDEN");
  });

  it("previews without writing", async () => {
    const before = await testDb.db.notification.count();
    const preview = notifyConnector.preview!(notifyConnector.input.parse({ message: "x", webhookUrl: "https://hooks.example.com/x" }));
    expect(notifyConnector.output.parse(preview)).toEqual({ shadow: true, notificationIds: [], unknownUsers: [], webhook: { status: 0 } });
    expect(await testDb.db.notification.count()).toBe(before);
  });
});
