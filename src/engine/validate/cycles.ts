import { findCycles } from "../analysis/cycles";
import type { GraphIndex } from "../analysis/graph-index";
import type { NodeType } from "../graph/node-types";
import { problem, type Problem } from "./problem";

/** Node types that wait for the outside world, so a cycle through them cannot spin by itself. */
const WAITING_TYPES = new Set<NodeType>(["wait", "approval", "escalation"]);
/** Node types whose outcome is chosen by evaluating data, so their exits are guarded. */
const DECIDING_TYPES = new Set<NodeType>(["decision", "guardrail"]);

/**
 * Flags cycles that can spin forever: no node in them waits (wait, approval, escalation) and no
 * edge leaving them is guarded (a condition, or an outcome of a decision or guardrail).
 */
export function checkCycles(index: GraphIndex): Problem[] {
  const problems: Problem[] = [];
  for (const cycle of findCycles(index)) {
    const members = new Set(cycle);
    if (cycle.some((id) => WAITING_TYPES.has(index.nodes.get(id)!.type))) continue;
    const guardedExit = cycle.some((id) =>
      (index.outgoing.get(id) ?? []).some(
        (edge) => !members.has(edge.target) && (edge.condition !== undefined || DECIDING_TYPES.has(index.nodes.get(id)!.type)),
      ),
    );
    if (guardedExit) continue;
    const shown = cycle.slice(0, 6).map((id) => `"${id}"`).join(" → ");
    problems.push(
      problem("UNGUARDED_CYCLE", `The loop ${shown}${cycle.length > 6 ? " → …" : ""} can repeat forever; add a wait, an approval, or a condition on a way out.`, {
        nodeId: cycle[0],
      }),
    );
  }
  return problems;
}
