import type { GraphIndex } from "../analysis/graph-index";
import type { Regions } from "../analysis/regions";
import { isFailureOutcome, outcomesOf } from "../graph/node-types";
import type { GraphEdge, GraphNode } from "../graph/schema";

/** A transition in the JSON machine config. */
export interface JsonTransition {
  target?: string;
  guard?: { type: string; params: Record<string, unknown> };
  actions?: { type: string; params: Record<string, unknown> }[];
  reenter?: boolean;
}

/** What the state builders need to know about the graph. */
export interface CompileScope {
  index: GraphIndex<GraphNode, GraphEdge>;
  regions: Regions;
}

/** Key of the final state a branch enters when it reaches its join. */
export const ARRIVED = "__arrived";

/** Conditional edges are tried before the unconditional (default) one. */
const CONDITIONAL_FIRST = [true, false] as const;

/**
 * The transition for an edge: to `#nodeId`, or to the branch's arrival state when the edge leads
 * from inside a branch to that fork's join (with the branch marked failed when it arrives through
 * a failure outcome); guarded by `guard` when given.
 */
function edgeTransition(scope: CompileScope, source: GraphNode, edge: GraphEdge, guard: JsonTransition["guard"]): JsonTransition {
  const container = scope.regions.containerOf.get(source.id);
  const region = container ? scope.regions.forks.get(container.fork) : undefined;
  const transition: JsonTransition = {};
  if (!container || region?.join !== edge.target) {
    transition.target = `#${edge.target}`;
  } else {
    transition.target = `#${container.fork}.${container.branch}.${ARRIVED}`;
    if (isFailureOutcome(source.type, edge.sourceHandle)) {
      transition.actions = [{ type: "failBranch", params: { fork: container.fork, branch: container.branch } }];
    }
  }
  if (guard) transition.guard = guard;
  return transition;
}

/**
 * The guarded transitions that leave a node once its outcome is known: per outcome, the
 * conditional edges in document order, then the default edge.
 *
 * @param checkOutcome - false for nodes with a single, unrecorded outcome (start).
 */
export function routeTransitions(scope: CompileScope, node: GraphNode, checkOutcome = true): JsonTransition[] {
  const edges = scope.index.outgoing.get(node.id) ?? [];
  const transitions: JsonTransition[] = [];
  for (const outcome of outcomesOf(node)) {
    for (const conditional of CONDITIONAL_FIRST) {
      for (const edge of edges) {
        if (edge.sourceHandle !== outcome || (edge.condition !== undefined) !== conditional) continue;
        const params: Record<string, unknown> = { node: node.id };
        if (checkOutcome) params.outcome = outcome;
        if (conditional) params.condition = edge.condition;
        transitions.push(edgeTransition(scope, node, edge, checkOutcome || conditional ? { type: "route", params } : undefined));
      }
    }
  }
  return transitions;
}
