import type { z } from "zod";

import type { ExpressionRef, NodeTypeDefinition } from "./node-type";
import { approvalNode } from "./nodes/approval";
import { decisionNode } from "./nodes/decision";
import { endNode } from "./nodes/end";
import { escalationNode } from "./nodes/escalation";
import { guardrailNode } from "./nodes/guardrail";
import { joinNode } from "./nodes/join";
import { llmNode } from "./nodes/llm";
import { parallelNode } from "./nodes/parallel";
import { startNode } from "./nodes/start";
import { taskNode } from "./nodes/task";
import { waitNode } from "./nodes/wait";

/**
 * The node type registry: config schema, outcomes (handles), label and description per type.
 *
 * @remarks The designer builds its palette and inspector forms from this; the validator and the
 * compiler read outcomes and expressions from it.
 */
export const nodeTypes = {
  start: startNode,
  end: endNode,
  task: taskNode,
  llm: llmNode,
  decision: decisionNode,
  approval: approvalNode,
  guardrail: guardrailNode,
  escalation: escalationNode,
  parallel: parallelNode,
  join: joinNode,
  wait: waitNode,
} as const;

export type NodeType = keyof typeof nodeTypes;

/** Node type names, in palette order. */
export const NODE_TYPES = Object.keys(nodeTypes) as [NodeType, ...NodeType[]];

/** Config type of one node type. */
export type NodeConfig<Type extends NodeType> = z.output<(typeof nodeTypes)[Type]["configSchema"]>;

type AnyDefinition = NodeTypeDefinition<string, z.ZodType<unknown>>;

function definitionOf(type: NodeType): AnyDefinition {
  return nodeTypes[type] as unknown as AnyDefinition;
}

/**
 * Outgoing handles of a node, from its type and (parsed) config.
 *
 * @example outcomesOf({ type: "task", config }) // ["success", "error"]
 */
export function outcomesOf(node: { type: NodeType; config: unknown }): string[] {
  return definitionOf(node.type).outcomes(node.config);
}

/** Every expression and template inside a node's (parsed) config. */
export function expressionsOf(node: { type: NodeType; config: unknown }): ExpressionRef[] {
  return definitionOf(node.type).expressions(node.config);
}

/** Whether reaching a join through `outcome` of this node counts as a failed branch. */
export function isFailureOutcome(type: NodeType, outcome: string): boolean {
  return definitionOf(type).failureOutcomes.includes(outcome);
}
