import type { GraphIndex } from "../analysis/graph-index";
import { analyzeRegions, type Regions } from "../analysis/regions";
import { outcomesOf, type NodeConfig } from "../graph/node-types";
import type { ParsedNode } from "./parse-document";
import { problem, type Problem } from "./problem";

/** Finds the fork regions of a graph whose node configs parsed. */
export function regionsOf(index: GraphIndex<ParsedNode>): Regions {
  return analyzeRegions(index, (forkId) => {
    const fork = index.nodes.get(forkId);
    return fork?.configOk ? outcomesOf(fork) : [];
  });
}

/** Checks parallel/join structure, and that an n-of-m join does not need more branches than exist. */
export function checkForks(index: GraphIndex<ParsedNode>): Problem[] {
  const regions = regionsOf(index);
  const problems = [...regions.problems];
  for (const region of regions.forks.values()) {
    const join = index.nodes.get(region.join);
    if (!join?.configOk) continue;
    const { mode, n } = join.config as NodeConfig<"join">;
    if (mode === "n_of_m" && n !== undefined && n > region.branches.length) {
      problems.push(
        problem("JOIN_QUORUM_TOO_HIGH", `Join "${join.id}" waits for ${n} branches, but "${region.fork}" has only ${region.branches.length}.`, {
          nodeId: join.id,
        }),
      );
    }
  }
  return problems;
}
