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
