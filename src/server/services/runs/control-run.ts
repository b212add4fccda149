import type { PrismaClient } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { Runtime } from "~/server/runtime/runtime";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";
import type { TCancelRunInput, TSignalRunInput } from "./run-schemas";

/** Designers may control the runs they started; admins any run. */
async function requireControl(db: PrismaClient, actor: AuthenticatedUser, runId: string) {
  const run = await db.run.findUnique({ where: { id: runId }, select: { startedById: true } });
  if (!run) throw new AppError("NOT_FOUND", `No run with id ${runId}.`);
  if (actor.role !== "admin" && run.startedById !== actor.id) {
    throw new AppError("FORBIDDEN", "Only the person who started a run, or an admin, can control it.");
  }
}

export async function cancelRun(db: PrismaClient, runtime: Runtime, actor: AuthenticatedUser, input: TCancelRunInput) {
  await requireControl(db, actor, input.runId);
  await runtime.cancel(input.runId, `user:${actor.id}`, input.reason);
}

/** Sends a named signal to a run (what a wait node of mode `signal` waits for). */
export async function signalRun(db: PrismaClient, runtime: Runtime, actor: AuthenticatedUser, input: TSignalRunInput) {
  await requireControl(db, actor, input.runId);
  await runtime.signal(input.runId, input.name, input.payload, `user:${actor.id}`);
}
