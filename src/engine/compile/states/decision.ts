import type { NodeOf } from "../../graph/schema";
import type { JsonState } from "../json-state";
import { routeTransitions, type CompileScope } from "../routes";
import { actorState } from "./actor";

/**
 * Decision. Inline: a transient state whose entry action evaluates the rules, then guarded
 * transitions per outcome. Table: the `decision` actor evaluates the pinned rule-table version.
 */
export function decisionState(scope: CompileScope, node: NodeOf<"decision">): JsonState {
  const { config } = node;
  if (config.source === "table") {
    return actorState(scope, node, "decision", { allowed: config.outcomes, fallback: config.defaultOutcome, onError: config.defaultOutcome });
  }
  return {
    id: node.id,
    meta: { nodeId: node.id, nodeType: "decision" },
    entry: [{ type: "decide", params: { node: node.id, rules: config.rules, defaultOutcome: config.defaultOutcome } }],
    always: routeTransitions(scope, node),
  };
}
