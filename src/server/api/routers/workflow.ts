import { createTRPCRouter, designerProcedure } from "~/server/api/trpc";
import { createWorkflow } from "~/server/services/workflows/create-workflow";
import { getWorkflow } from "~/server/services/workflows/get-workflow";
import { listWorkflows } from "~/server/services/workflows/list-workflows";
import { publishVersion } from "~/server/services/workflows/publish-version";
import { saveDraft } from "~/server/services/workflows/save-draft";
import {
  ZCreateWorkflowInput,
  ZListWorkflowsInput,
  ZPublishInput,
  ZSaveDraftInput,
  ZWorkflowIdInput,
} from "~/server/services/workflows/workflow-schemas";

export const workflowRouter = createTRPCRouter({
  list: designerProcedure.input(ZListWorkflowsInput).query(({ ctx, input }) => listWorkflows(ctx.db, ctx.runtime.clock, input)),
  get: designerProcedure.input(ZWorkflowIdInput).query(({ ctx, input }) => getWorkflow(ctx.db, input.workflowId)),
  create: designerProcedure.input(ZCreateWorkflowInput).mutation(({ ctx, input }) => createWorkflow(ctx.db, ctx.user, input)),
  saveDraft: designerProcedure.input(ZSaveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.user, input)),
  publish: designerProcedure.input(ZPublishInput).mutation(({ ctx, input }) => publishVersion(ctx.db, ctx.user, input)),
  connectors: designerProcedure.query(({ ctx }) => ctx.runtime.connectors.list()),
});
