/**
 * Documented size limits of a workflow graph. The validator rejects anything larger with
 * `GRAPH_TOO_LARGE`, `INPUT_TOO_DEEP`, `STRING_TOO_LONG` or an expression error, before doing
 * any expensive work, so hostile input cannot make validation slow.
 */
export const GRAPH_LIMITS = {
  /** Nodes per graph. */
  maxNodes: 10_000,
  /** Edges per graph. */
  maxEdges: 20_000,
  /** Characters in any single string (prompts, templates, labels…). */
  maxStringLength: 50_000,
  /** Nesting depth of the raw JSON document. */
  maxDepth: 48,
  /** Characters in one expression. */
  maxExpressionLength: 4_000,
  /** Syntax-tree nodes in one expression. */
  maxExpressionAstNodes: 1_000,
  /** Nesting depth of one expression. */
  maxExpressionDepth: 32,
} as const;
