/** The other side of a comparison: a version id, or the workflow's current draft. */
export type CompareTarget = string | "draft";

/**
 * The versions page comparing `from` with `to` (a version id, or "draft").
 *
 * @example compareHref("wf1", "v1", "draft") // "/workflows/wf1/versions?from=v1&to=draft"
 */
export function compareHref(workflowId: string, from: string, to: CompareTarget): string {
  const query = new URLSearchParams({ from, to });
  return `/workflows/${encodeURIComponent(workflowId)}/versions?${query.toString()}`;
}
