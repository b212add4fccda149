/**
 * The one tRPC instance of the app.
 *
 * 1. CONTEXT: what every procedure can read: the database and the signed-in user (fresh from the
 *    database, so deactivation and role changes apply to the next call).
 * 2. INITIALIZATION: superjson, and an error formatter that adds the flattened Zod error so forms
 *    can show field messages.
 * 3. PROCEDURES: `publicProcedure`, `protectedProcedure` and one procedure per role. Each role
 *    procedure records the roles it admits in its `meta`, which the authorization test enumerates.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { PrismaClient } from "~/server/db/client";
import type { Role } from "~/server/auth/roles";
import { AppError } from "~/server/errors";
import type { Runtime } from "~/server/runtime/runtime";
import type { AuthenticatedUser } from "~/server/services/auth/authenticate";

// 1. CONTEXT

export type TRPCContext = { db: PrismaClient; runtime: Runtime; user: AuthenticatedUser | null };

// 2. INITIALIZATION

/** Who may call a procedure; every procedure of the app router declares it. */
export type Access = { kind: "public" } | { kind: "signedIn" } | { kind: "roles"; roles: readonly Role[] };
export type ProcedureMeta = { access: Access };

const t = initTRPC
  .context<TRPCContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    // Live traces over SSE: a ping keeps proxies from closing idle streams; clients reconnect
    // with lastEventId and resume from the ledger.
    sse: { ping: { enabled: true, intervalMs: 10_000 }, client: { reconnectAfterInactivityMs: 15_000 } },
    errorFormatter({ shape, error }) {
      return {
        ...shape,
        data: {
          ...shape.data,
          zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        },
      };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

// 3. PROCEDURES

/** Turns the domain's typed errors into transport errors with the same code and message. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

const base = t.procedure.use(domainErrors);

export const publicProcedure = base.meta({ access: { kind: "public" } });

const signedIn = base.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const protectedProcedure = signedIn.meta({ access: { kind: "signedIn" } });

function roleProcedure(...roles: Role[]) {
  return signedIn.meta({ access: { kind: "roles", roles } }).use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${roles.join(" or ")} role.` });
    }
    return next();
  });
}

export const designerProcedure = roleProcedure("designer", "admin");
export const approverProcedure = roleProcedure("approver", "admin");
export const adminProcedure = roleProcedure("admin");
