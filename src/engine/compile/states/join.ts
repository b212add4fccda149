import type { NodeOf } from "../../graph/schema";
import type { JsonState } from "../json-state";
import type { JoinParams } from "../join-status";
import { routeTransitions, type CompileScope } from "../routes";

/** The compiled parameters of a join, from its config and its fork. */
export function joinParams(scope: CompileScope, node: NodeOf<"join">): JoinParams {
  const region = scope.regions.forks.get(scope.regions.forkOfJoin.get(node.id)!)!;
  return {
    fork: region.fork,
    mode: node.config.mode,
    ...(node.config.n !== undefined ? { n: node.config.n } : {}),
    tolerateFailures: node.config.tolerateFailures,
    branches: region.branches.length,
  };
}

/** Join: entered when its fork settles; records `done` or `failed` with the branch results, then routes. */
export function joinState(scope: CompileScope, node: NodeOf<"join">): JsonState {
  return {
    id: node.id,
    meta: { nodeId: node.id, nodeType: "join" },
    entry: [{ type: "settleJoin", params: { node: node.id, ...joinParams(scope, node) } }],
    always: routeTransitions(scope, node),
  };
}
