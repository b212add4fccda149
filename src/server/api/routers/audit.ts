import { adminProcedure, createTRPCRouter } from "~/server/api/trpc";
import { listAudit, ZListAuditInput } from "~/server/services/audit/list-audit";

export const auditRouter = createTRPCRouter({
  list: adminProcedure.input(ZListAuditInput).query(({ ctx, input }) => listAudit(ctx.db, input)),
});
