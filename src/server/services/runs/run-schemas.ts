import { z } from "zod";

const id = z.string().min(1).max(64);

export const ZStartRunInput = z
  .object({
    workflowId: id,
    /** A published version; omit it and set `draft` to test-run the current draft. */
    versionId: id.optional(),
    draft: z.boolean().default(false),
    input: z.record(z.string(), z.unknown()).default({}),
    shadow: z.boolean().default(false),
    idempotencyKey: z.string().min(1).max(200).optional(),
  })
  .refine((value) => value.draft !== Boolean(value.versionId), { message: "Give either a versionId or draft: true.", path: ["versionId"] });
export type TStartRunInput = z.infer<typeof ZStartRunInput>;

export const ZRunIdInput = z.object({ runId: id });
export type TRunIdInput = z.infer<typeof ZRunIdInput>;

export const ZCancelRunInput = z.object({ runId: id, reason: z.string().trim().max(500).default("Cancelled by a person.") });
export type TCancelRunInput = z.infer<typeof ZCancelRunInput>;

export const ZSignalRunInput = z.object({ runId: id, name: z.string().min(1).max(200), payload: z.unknown().optional() });
export type TSignalRunInput = z.infer<typeof ZSignalRunInput>;

export const RUN_STATUSES = ["running", "waiting", "completed", "failed", "cancelled"] as const;

export const ZListRunsInput = z
  .object({
    workflowId: id.optional(),
    status: z.enum(RUN_STATUSES).optional(),
    from: z.date().optional(),
    to: z.date().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ limit: 50 });
export type TListRunsInput = z.infer<typeof ZListRunsInput>;

export const ZRunStreamInput = z.object({ runId: id, lastEventId: z.string().max(40).nullish() });
export const ZWorkflowStreamInput = z.object({ workflowId: id, lastEventId: z.string().max(40).nullish() });
