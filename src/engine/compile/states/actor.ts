import type { GraphNode } from "../../graph/schema";
import type { ActorKey } from "../types";
import { ROUTE, type JsonState } from "../json-state";
import { routeTransitions, type CompileScope } from "../routes";

/** How an actor node records its result. */
export interface ActorOutcomes {
  /** Outcomes the actor may choose in `output.outcome`. */
  allowed: string[];
  /** Outcome when it chooses none of them. */
  fallback: string;
  /** Outcome when the actor fails. */
  onError: string;
}

/**
 * A node run by an invoked actor (task, llm, table decision, guardrail): `running` invokes the
 * actor by key; its result or error is recorded, then `route` picks the edge.
 */
export function actorState(scope: CompileScope, node: GraphNode, src: ActorKey, outcomes: ActorOutcomes): JsonState {
  return {
    id: node.id,
    meta: { nodeId: node.id, nodeType: node.type },
    initial: "running",
    states: {
      running: {
        invoke: {
          id: node.id,
          src,
          input: { nodeId: node.id, nodeType: node.type, config: node.config },
          onDone: [
            { target: ROUTE, actions: [{ type: "recordResult", params: { node: node.id, allowed: outcomes.allowed, fallback: outcomes.fallback } }] },
          ],
          onError: [{ target: ROUTE, actions: [{ type: "recordError", params: { node: node.id, outcome: outcomes.onError } }] }],
        },
      },
      [ROUTE]: { always: routeTransitions(scope, node) },
    },
  };
}
