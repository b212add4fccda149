import { createTRPCRouter, designerProcedure } from "~/server/api/trpc";
import { archiveWorkflow } from "~/server/services/workflows/archive-workflow";
import { createWorkflow } from "~/server/services/workflows/create-workflow";
import { diffVersions } from "~/server/services/workflows/diff-versions";
import { duplicateWorkflow } from "~/server/services/workflows/duplicate-workflow";
import { getVersion } from "~/server/services/workflows/get-version";
import { getWorkflow } from "~/server/services/workflows/get-workflow";
import { listVersions } from "~/server/services/workflows/list-versions";
import { listWorkflows } from "~/server/services/workflows/list-workflows";
import { publishVersion } from "~/server/services/workflows/publish-version";
import { renameWorkflow } from "~/server/services/workflows/rename-workflow";
import { rollbackVersion } from "~/server/services/workflows/rollback-version";
import { saveDraft } from "~/server/services/workflows/save-draft";
import {
  ZArchiveWorkflowInput,
  ZCreateWorkflowInput,
  ZDiffInput,
  ZListWorkflowsInput,
  ZPublishInput,
  ZRenameWorkflowInput,
  ZRollbackInput,
  ZSaveDraftInput,
  ZVersionIdInput,
  ZWorkflowIdInput,
} from "~/server/services/workflows/workflow-schemas";

export const workflowRouter = createTRPCRouter({
  list: designerProcedure.input(ZListWorkflowsInput).query(({ ctx, input }) => listWorkflows(ctx.db, ctx.runtime.clock, input)),
  get: designerProcedure.input(ZWorkflowIdInput).query(({ ctx, input }) => getWorkflow(ctx.db, input.workflowId)),
  create: designerProcedure.input(ZCreateWorkflowInput).mutation(({ ctx, input }) => createWorkflow(ctx.db, ctx.user, input)),
  saveDraft: designerProcedure.input(ZSaveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.user, input)),
  publish: designerProcedure.input(ZPublishInput).mutation(({ ctx, input }) => publishVersion(ctx.db, ctx.user, input)),
  rename: designerProcedure.input(ZRenameWorkflowInput).mutation(({ ctx, input }) => renameWorkflow(ctx.db, ctx.user, input)),
  duplicate: designerProcedure.input(ZWorkflowIdInput).mutation(({ ctx, input }) => duplicateWorkflow(ctx.db, ctx.user, input)),
  archive: designerProcedure.input(ZArchiveWorkflowInput).mutation(({ ctx, input }) => archiveWorkflow(ctx.db, ctx.user, input)),
  versions: designerProcedure.input(ZWorkflowIdInput).query(({ ctx, input }) => listVersions(ctx.db, input.workflowId)),
  version: designerProcedure.input(ZVersionIdInput).query(({ ctx, input }) => getVersion(ctx.db, input.versionId)),
  diff: designerProcedure.input(ZDiffInput).query(({ ctx, input }) => diffVersions(ctx.db, input)),
  rollback: designerProcedure.input(ZRollbackInput).mutation(({ ctx, input }) => rollbackVersion(ctx.db, ctx.user, input)),
  connectors: designerProcedure.query(({ ctx }) => ctx.runtime.connectors.list()),
});
