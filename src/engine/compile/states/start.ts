import type { NodeOf } from "../../graph/schema";
import type { JsonState } from "../json-state";
import { routeTransitions, type CompileScope } from "../routes";

/** Start: a transient state that moves straight on along its edge(s). */
export function startState(scope: CompileScope, node: NodeOf<"start">): JsonState {
  return { id: node.id, meta: { nodeId: node.id, nodeType: "start" }, always: routeTransitions(scope, node, false) };
}
