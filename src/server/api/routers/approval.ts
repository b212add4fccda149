import { approverProcedure, createTRPCRouter } from "~/server/api/trpc";
import { ZAnswerEscalationInput, ZDecideApprovalInput, ZInboxInput } from "~/server/services/approvals/approval-schemas";
import { answerEscalation, decideApproval } from "~/server/services/approvals/decide-approval";
import { listInbox } from "~/server/services/approvals/list-inbox";

export const approvalRouter = createTRPCRouter({
  inbox: approverProcedure.input(ZInboxInput).query(({ ctx, input }) => listInbox(ctx.db, ctx.runtime.clock, ctx.user, input)),
  decide: approverProcedure.input(ZDecideApprovalInput).mutation(({ ctx, input }) => decideApproval(ctx.db, ctx.runtime, ctx.user, input)),
  answerEscalation: approverProcedure
    .input(ZAnswerEscalationInput)
    .mutation(({ ctx, input }) => answerEscalation(ctx.db, ctx.runtime, ctx.user, input)),
});
