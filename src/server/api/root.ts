import { createCallerFactory, createTRPCRouter } from "~/server/api/trpc";
import { auditRouter } from "~/server/api/routers/audit";
import { userRouter } from "~/server/api/routers/user";

export const appRouter = createTRPCRouter({
  audit: auditRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
