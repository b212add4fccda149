import type { GraphNode } from "../graph/schema";
import type { JsonState } from "./json-state";
import type { CompileScope } from "./routes";
import { actorState } from "./states/actor";
import { approvalState } from "./states/approval";
import { decisionState } from "./states/decision";
import { endState } from "./states/end";
import { escalationState } from "./states/escalation";
import { joinState } from "./states/join";
import { parallelState } from "./states/parallel";
import { startState } from "./states/start";
import { waitState } from "./states/wait";

/**
 * The JSON states for a list of node ids placed side by side (the top level, or one branch),
 * keyed by node id, in the given order.
 */
export function statesOf(scope: CompileScope, ids: readonly string[]): Record<string, JsonState> {
  const states: Record<string, JsonState> = {};
  for (const id of ids) states[id] = nodeState(scope, scope.index.nodes.get(id)!);
  return states;
}

/** The JSON state of one node, by type. */
function nodeState(scope: CompileScope, node: GraphNode): JsonState {
  switch (node.type) {
    case "start":
      return startState(scope, node);
    case "end":
      return endState(node);
    case "task":
      return actorState(scope, node, "task", { allowed: ["success"], fallback: "success", onError: "error" });
    case "llm":
      return actorState(scope, node, "llm", {
        allowed: node.config.fallback ? ["success", "fallback"] : ["success"],
        fallback: "success",
        onError: "error",
      });
    case "guardrail":
      return actorState(scope, node, "guardrail", { allowed: ["pass", "block"], fallback: "block", onError: "block" });
    case "decision":
      return decisionState(scope, node);
    case "approval":
      return approvalState(scope, node);
    case "escalation":
      return escalationState(scope, node);
    case "wait":
      return waitState(scope, node);
    case "join":
      return joinState(scope, node);
    case "parallel":
      return parallelState(scope, node, (ids) => statesOf(scope, ids));
  }
}
