import type { GraphIndex } from "./graph-index";

/**
 * Task nodes that serve only as another task's compensation step: named in a `compensation`
 * field and entered by no edge. The runtime runs them outside the flow (when a run fails or is
 * cancelled), so they need no path from the start, to an end, or out of their outcomes.
 */
export function offFlowCompensationSteps(index: GraphIndex): Set<string> {
  const named = new Set<string>();
  for (const node of index.nodes.values()) {
    const compensation = node.type === "task" ? (node.config as { compensation?: unknown } | undefined)?.compensation : undefined;
    if (typeof compensation === "string") named.add(compensation);
  }
  return new Set([...named].filter((id) => index.nodes.get(id)?.type === "task" && (index.incoming.get(id) ?? []).length === 0));
}
