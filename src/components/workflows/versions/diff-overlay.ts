import type { GraphDiff } from "~/engine/diff/diff-graphs";

/** How an item is marked on the diff canvas. Moves alone are not marked (they are listed, quietly). */
export type DiffMark = "added" | "removed" | "changed";

/** The canvas overlay of a diff: a mark per changed node and edge id. */
export type DiffOverlay = { nodes: Record<string, DiffMark>; edges: Record<string, DiffMark> };

function marks(groups: [DiffMark, readonly { id: string }[]][]): Record<string, DiffMark> {
  return Object.fromEntries(groups.flatMap(([mark, items]) => items.map((item) => [item.id, mark])));
}

/**
 * The overlay the canvas draws for a diff (see `WorkflowCanvas`'s `overlay` prop).
 *
 * @example diffOverlay(diff).nodes // { review: "added", done: "changed" }
 */
export function diffOverlay(diff: GraphDiff): DiffOverlay {
  return {
    nodes: marks([
      ["added", diff.nodes.added],
      ["removed", diff.nodes.removed],
      ["changed", diff.nodes.changed],
    ]),
    edges: marks([
      ["added", diff.edges.added],
      ["removed", diff.edges.removed],
      ["changed", diff.edges.changed],
    ]),
  };
}
