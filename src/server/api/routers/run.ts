import { createTRPCRouter, designerProcedure, protectedProcedure } from "~/server/api/trpc";
import { cancelRun, signalRun } from "~/server/services/runs/control-run";
import { getRun, listRuns } from "~/server/services/runs/read-runs";
import { streamRun, streamWorkflow } from "~/server/services/runs/run-streams";
import {
  ZCancelRunInput,
  ZListRunsInput,
  ZRunIdInput,
  ZRunStreamInput,
  ZSignalRunInput,
  ZStartRunInput,
  ZWorkflowStreamInput,
} from "~/server/services/runs/run-schemas";
import { startRun } from "~/server/services/runs/start-run";

export const runRouter = createTRPCRouter({
  start: designerProcedure.input(ZStartRunInput).mutation(({ ctx, input }) => startRun(ctx.db, ctx.runtime, ctx.user, input)),
  list: protectedProcedure.input(ZListRunsInput).query(({ ctx, input }) => listRuns(ctx.db, input)),
  get: protectedProcedure.input(ZRunIdInput).query(({ ctx, input }) => getRun(ctx.db, input.runId)),
  cancel: designerProcedure.input(ZCancelRunInput).mutation(({ ctx, input }) => cancelRun(ctx.db, ctx.runtime, ctx.user, input)),
  signal: designerProcedure.input(ZSignalRunInput).mutation(({ ctx, input }) => signalRun(ctx.db, ctx.runtime, ctx.user, input)),
  events: protectedProcedure
    .input(ZRunStreamInput)
    .subscription(({ ctx, input, signal }) => streamRun(ctx.db, ctx.runtime.bus, input.runId, input.lastEventId, signal)),
  workflowEvents: designerProcedure
    .input(ZWorkflowStreamInput)
    .subscription(({ ctx, input, signal }) => streamWorkflow(ctx.db, ctx.runtime.bus, input.workflowId, input.lastEventId, signal)),
});
