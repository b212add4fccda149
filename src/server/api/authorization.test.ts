import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "~/server/api/root";
import type { Access } from "~/server/api/trpc";
import { ROLES, type Role } from "~/server/auth/roles";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import type { Runtime } from "~/server/runtime/runtime";
import { createTestDb, createTestUser, type TestDb } from "~/server/testing/test-db";
import { createTestRuntime } from "~/server/testing/test-runtime";

const signedIn: Access = { kind: "signedIn" };
const roles = (...allowed: Role[]): Access => ({ kind: "roles", roles: allowed });

/**
 * Every procedure of the app router, with who may call it. A procedure missing here fails the
 * first test: adding one to the API means deciding, and testing, its authorization.
 */
const EXPECTED_ACCESS: Record<string, Access> = {
  "approval.inbox": roles("approver", "admin"),
  "approval.decide": roles("approver", "admin"),
  "approval.answerEscalation": roles("approver", "admin"),
  "audit.list": roles("admin"),
  "run.start": roles("designer", "admin"),
  "run.list": signedIn,
  "run.get": signedIn,
  "run.cancel": roles("designer", "admin"),
  "run.signal": roles("designer", "admin"),
  "run.events": signedIn,
  "run.workflowEvents": roles("designer", "admin"),
  "user.me": signedIn,
  "user.list": roles("admin"),
  "user.create": roles("admin"),
  "user.setRole": roles("admin"),
  "user.setActive": roles("admin"),
  "workflow.list": roles("designer", "admin"),
  "workflow.get": roles("designer", "admin"),
  "workflow.create": roles("designer", "admin"),
  "workflow.saveDraft": roles("designer", "admin"),
  "workflow.publish": roles("designer", "admin"),
  "workflow.connectors": roles("designer", "admin"),
  "workflow.rename": roles("designer", "admin"),
  "workflow.duplicate": roles("designer", "admin"),
  "workflow.archive": roles("designer", "admin"),
  "workflow.versions": roles("designer", "admin"),
  "workflow.version": roles("designer", "admin"),
  "workflow.diff": roles("designer", "admin"),
  "workflow.rollback": roles("designer", "admin"),
};

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { access?: Access } } }>;

async function callByPath(user: AuthenticatedUser | null, path: string): Promise<unknown> {
  let target: unknown = createCaller({ db: testDb.db, runtime, user });
  for (const segment of path.split(".")) target = (target as Record<string, unknown>)[segment];
  return (target as (input: unknown) => Promise<unknown>)(undefined);
}

async function errorCode(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`;
  }
}

let testDb: TestDb;
let runtime: Runtime;
const usersByRole = {} as Record<Role, AuthenticatedUser>;

beforeAll(async () => {
  testDb = createTestDb();
  runtime = createTestRuntime(testDb).runtime;
  for (const role of ROLES) usersByRole[role] = await createTestUser(testDb.db, role);
});
afterAll(() => testDb.dispose());

describe("authorization of every procedure", () => {
  it("has an expected-access entry for exactly the procedures the router has", () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(EXPECTED_ACCESS).sort());
  });

  for (const [path, access] of Object.entries(EXPECTED_ACCESS)) {
    describe(path, () => {
      it("declares the expected access in its meta", () => {
        expect(procedures[path]?._def.meta?.access).toEqual(access);
      });

      if (access.kind === "public") return;

      it("refuses an unauthenticated caller with UNAUTHORIZED", async () => {
        expect(await errorCode(callByPath(null, path))).toBe("UNAUTHORIZED");
      });

      for (const role of ROLES) {
        const allowed = access.kind === "signedIn" || access.roles.includes(role);
        it(`${allowed ? "admits" : "refuses with FORBIDDEN"} a ${role}`, async () => {
          const code = await errorCode(callByPath(usersByRole[role], path));
          if (allowed) expect(code === "UNAUTHORIZED" || code === "FORBIDDEN").toBe(false);
          else expect(code).toBe("FORBIDDEN");
        });
      }
    });
  }
});
