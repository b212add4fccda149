import type { NodeOf } from "../../graph/schema";
import type { JsonState } from "../json-state";

/** End: a final state that records the run outcome in `context.result`. */
export function endState(node: NodeOf<"end">): JsonState {
  return {
    id: node.id,
    type: "final",
    meta: { nodeId: node.id, nodeType: "end" },
    entry: [{ type: "finish", params: { node: node.id, outcome: node.config.outcome } }],
  };
}
