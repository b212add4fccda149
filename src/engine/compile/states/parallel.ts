import type { NodeOf } from "../../graph/schema";
import type { JsonState } from "../json-state";
import { ARRIVED, type CompileScope } from "../routes";
import { joinParams } from "./join";

/**
 * Parallel: an XState parallel state with one region per branch holding the branch's nodes and a
 * final `__arrived` state. Whenever enough branches have arrived (see `joinStatus`), the fork
 * leaves for its join, stopping any branch still running.
 */
export function parallelState(scope: CompileScope, node: NodeOf<"parallel">, statesOf: (ids: string[]) => Record<string, JsonState>): JsonState {
  const region = scope.regions.forks.get(node.id)!;
  const join = scope.index.nodes.get(region.join) as NodeOf<"join">;
  const states: Record<string, JsonState> = {};
  for (const branch of region.branches) {
    const arrived: JsonState = { type: "final", entry: [{ type: "arrive", params: { fork: node.id, branch: branch.id } }] };
    states[branch.id] = {
      initial: branch.head === region.join ? ARRIVED : branch.head,
      states: { ...statesOf(branch.nodes), [ARRIVED]: arrived },
    };
  }
  return {
    id: node.id,
    type: "parallel",
    meta: { nodeId: node.id, nodeType: "parallel" },
    entry: [{ type: "openFork", params: { fork: node.id } }],
    states,
    always: [{ target: `#${region.join}`, guard: { type: "joinReady", params: { ...joinParams(scope, join) } } }],
  };
}
