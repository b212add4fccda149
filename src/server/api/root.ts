import { createCallerFactory, createTRPCRouter } from "~/server/api/trpc";
import { approvalRouter } from "~/server/api/routers/approval";
import { auditRouter } from "~/server/api/routers/audit";
import { runRouter } from "~/server/api/routers/run";
import { userRouter } from "~/server/api/routers/user";
import { workflowRouter } from "~/server/api/routers/workflow";

export const appRouter = createTRPCRouter({
  approval: approvalRouter,
  audit: auditRouter,
  run: runRouter,
  user: userRouter,
  workflow: workflowRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
