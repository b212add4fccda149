import { z } from "zod";

const id = z.string().min(1).max(64);

export const ZCreateWorkflowInput = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(120),
  description: z.string().max(2000).default(""),
  /** A graph to start from (import); a minimal start → end graph otherwise. */
  graph: z.unknown().optional(),
});
export type TCreateWorkflowInput = z.infer<typeof ZCreateWorkflowInput>;

export const ZWorkflowIdInput = z.object({ workflowId: id });
export type TWorkflowIdInput = z.infer<typeof ZWorkflowIdInput>;

export const ZSaveDraftInput = z.object({
  workflowId: id,
  graph: z.unknown(),
  /** The draft revision the editor started from; a newer one on the server is a CONFLICT. */
  expectedRevision: z.number().int().min(1),
});
export type TSaveDraftInput = z.infer<typeof ZSaveDraftInput>;

export const ZPublishInput = z.object({
  workflowId: id,
  note: z.string().trim().max(500).default(""),
  expectedRevision: z.number().int().min(1).optional(),
});
export type TPublishInput = z.infer<typeof ZPublishInput>;

export const ZListWorkflowsInput = z
  .object({ search: z.string().trim().max(120).optional(), includeArchived: z.boolean().default(false) })
  .default({ includeArchived: false });
export type TListWorkflowsInput = z.infer<typeof ZListWorkflowsInput>;

export const ZRenameWorkflowInput = z.object({
  workflowId: id,
  name: z.string().trim().min(1, "Enter a name.").max(120),
});
export type TRenameWorkflowInput = z.infer<typeof ZRenameWorkflowInput>;

export const ZArchiveWorkflowInput = z.object({ workflowId: id, archived: z.boolean() });
export type TArchiveWorkflowInput = z.infer<typeof ZArchiveWorkflowInput>;

export const ZVersionIdInput = z.object({ versionId: id });
export type TVersionIdInput = z.infer<typeof ZVersionIdInput>;

/** Compare two versions, or a version with the workflow's current draft. */
export const ZDiffInput = z.union([
  z.object({ fromVersionId: id, toVersionId: id }),
  z.object({ fromVersionId: id, toDraft: z.literal(true) }),
]);
export type TDiffInput = z.infer<typeof ZDiffInput>;

export const ZRollbackInput = z.object({
  workflowId: id,
  versionId: id,
  note: z.string().trim().max(400).default(""),
});
export type TRollbackInput = z.infer<typeof ZRollbackInput>;
