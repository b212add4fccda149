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

/**
 * The transition target for an edge: `#nodeId`, or the branch's arrival state when the edge leads
 * from inside a branch to that fork's join (with the branch marked failed when it arrives through
 * a failure outcome).
 */
function edgeTransition(scope: CompileScope, source: GraphNode, edge: GraphEdge): Pick<JsonTransition, "target" | "actions"> {
  const container = scope.regions.containerOf.get(source.id);
  const region = container ? scope.regions.forks.get(container.fork) : undefined;
  if (!container || region?.join !== edge.target) return { target: `#${edge.target}` };
  const target = `#${container.fork}.${container.branch}.${ARRIVED}`;
  if (!isFailureOutcome(source.type, edge.sourceHandle)) return { target };
  return { target, actions: [{ type: "failBranch", params: { fork: container.fork, branch: container.branch } }] };
}

/**
 * The guarded transitions that leave a node once its outcome is known: per outcome, the
 * conditional edges in document order, then the default edge.
 *
 * @param checkOutcome - false for nodes with a single, unrecorded outcome (start).
 */
export function routeTransitions(scope: CompileScope, node: GraphNode, checkOutcome = true): JsonTransition[] {
  const edges = scope.index.outgoing.get(node.id) ?? [];
  return outcomesOf(node).flatMap((outcome) => {
    const fromHandle = edges.filter((edge) => edge.sourceHandle === outcome);
    const ordered = [...fromHandle.filter((edge) => edge.condition !== undefined), ...fromHandle.filter((edge) => edge.condition === undefined)];
    return ordered.map((edge) => {
      const params: Record<string, unknown> = { node: node.id };
      if (checkOutcome) params.outcome = outcome;
      if (edge.condition !== undefined) params.condition = edge.condition;
      const guarded = checkOutcome || edge.condition !== undefined;
      return { ...edgeTransition(scope, node, edge), ...(guarded ? { guard: { type: "route", params } } : {}) };
    });
  });
}
