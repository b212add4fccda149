import "server-only";
import { getCurrentUser } from "~/server/auth/current-user";
import { db } from "~/server/db";
import { getRuntime } from "~/server/runtime-instance";
import type { TRPCContext } from "./trpc";

/** The context of a real request: the shared database and the user from the session cookie. */
export async function createRequestContext(): Promise<TRPCContext> {
  return { db, runtime: getRuntime(), user: await getCurrentUser() };
}
