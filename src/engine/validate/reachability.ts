import { reachable, type GraphIndex } from "../analysis/graph-index";
import { problem, type Problem } from "./problem";

/**
 * Flags nodes no path from the start reaches, and reachable nodes from which no end is reachable.
 * Compensation steps outside the flow (`offFlow`) are exempt: the runtime runs them on failure.
 */
export function checkReachability(index: GraphIndex, offFlow: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const ids = [...index.nodes.keys()];
  const starts = ids.filter((id) => index.nodes.get(id)!.type === "start");
  const ends = ids.filter((id) => index.nodes.get(id)!.type === "end");
  const fromStart = reachable(starts, (id) => (index.outgoing.get(id) ?? []).map((edge) => edge.target));
  const toEnd = reachable(ends, (id) => (index.incoming.get(id) ?? []).map((edge) => edge.source));
  for (const id of ids) {
    if (offFlow.has(id)) continue;
    if (starts.length > 0 && !fromStart.has(id)) {
      problems.push(problem("UNREACHABLE_NODE", `No path from the start leads to "${id}".`, { nodeId: id }));
    } else if (ends.length > 0 && !toEnd.has(id)) {
      problems.push(problem("NO_PATH_TO_END", `Runs that reach "${id}" can never finish: no end node can be reached from it.`, { nodeId: id }));
    }
  }
  return problems;
}
