import type { z } from "zod";

/** Where an expression sits inside a node config, so the validator can check it and point at it. */
export interface ExpressionRef {
  /** Path inside the node config, e.g. `["input", "poNumber"]`. */
  path: (string | number)[];
  /** The expression or template text. */
  source: string;
  /** `expression`: one CEL expression; `template`: text with `{{ expression }}` placeholders. */
  kind: "expression" | "template";
}

/** Everything the validator, compiler and inspector need to know about one node type. */
export interface NodeTypeDefinition<Type extends string, Schema extends z.ZodType> {
  type: Type;
  /** Name shown in the palette. */
  label: string;
  /** One-sentence explanation shown in the palette and the inspector. */
  description: string;
  /** Zod schema of `node.config`; its `.meta()` titles and descriptions drive the inspector form. */
  configSchema: Schema;
  /** Outgoing handles (outcomes) of a node with this config, in display order. */
  outcomes: (config: z.output<Schema>) => string[];
  /** Outcomes that count as a failure when a parallel branch reaches its join through them. */
  failureOutcomes: readonly string[];
  /** Every expression and template in the config. */
  expressions: (config: z.output<Schema>) => ExpressionRef[];
}

/**
 * Declares a node type; an identity function that keeps the config type inferred.
 *
 * @example
 * export const endNode = defineNodeType({ type: "end", label: "End", ... });
 */
export function defineNodeType<Type extends string, Schema extends z.ZodType>(
  definition: NodeTypeDefinition<Type, Schema>,
): NodeTypeDefinition<Type, Schema> {
  return definition;
}

/** Collects the expressions of a mapping (`field → expression`) under `path`. */
export function mappingExpressions(mapping: Record<string, string>, path: (string | number)[]): ExpressionRef[] {
  return Object.entries(mapping).map(([field, source]) => ({ path: [...path, field], source, kind: "expression" }));
}
