import { z } from "zod";

const id = z.string().min(1).max(64);
const comment = z.string().trim().max(4000).optional();

export const ZDecideApprovalInput = z.object({
  approvalId: id,
  decision: z.enum(["approve", "reject", "changes"]),
  comment,
});
export type TDecideApprovalInput = z.infer<typeof ZDecideApprovalInput>;

export const ZAnswerEscalationInput = z.object({
  approvalId: id,
  /** Resolved: the case is closed at this tier; otherwise it moves up (or stays, at the last tier). */
  resolved: z.boolean(),
  answer: z.string().trim().min(1, "Write what you did or found.").max(4000),
  confidence: z.number().min(0).max(1).optional(),
});
export type TAnswerEscalationInput = z.infer<typeof ZAnswerEscalationInput>;

export const ZInboxInput = z.object({ view: z.enum(["pending", "decided"]).default("pending") }).default({ view: "pending" });
export type TInboxInput = z.infer<typeof ZInboxInput>;
