import type { NodeConfig } from "../graph/node-types";
import type { GraphIndex } from "../analysis/graph-index";
import type { ParsedNode } from "./parse-document";
import { problem, type Problem } from "./problem";

/** Checks config fields that name other nodes: a task's compensation step must be a task. */
export function checkNodeReferences(index: GraphIndex<ParsedNode>): Problem[] {
  const problems: Problem[] = [];
  for (const node of index.nodes.values()) {
    if (node.type !== "task" || !node.configOk) continue;
    const { compensation } = node.config as NodeConfig<"task">;
    if (compensation === undefined) continue;
    const target = index.nodes.get(compensation);
    if (target?.type !== "task") {
      problems.push(
        problem("UNKNOWN_NODE_REFERENCE", `The compensation step "${compensation}" of "${node.id}" must be a task node of this workflow.`, {
          nodeId: node.id,
          path: ["nodes", node.index, "config", "compensation"],
        }),
      );
    }
  }
  return problems;
}
