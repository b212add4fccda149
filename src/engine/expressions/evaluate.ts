import type { ParseResult } from "@marcbachmann/cel-js";

import { BoundedCache } from "./bounded-cache";
import { environmentFor, expressionKey, GRAPH_VARIABLES } from "./environment";
import { parseTemplate } from "./template";

/** Values expressions read: `input` (run input) and `steps` (step records), or table variables. */
export type ExpressionScope = Record<string, unknown>;

const compiledExpressions = new BoundedCache<ParseResult>(5_000);

function compiled(source: string, variables: readonly string[]): ParseResult {
  return compiledExpressions.get(expressionKey(source, variables), () => environmentFor(variables).parse(source));
}

/**
 * Converts a CEL result to plain JSON: ints (BigInt) become numbers, maps objects, timestamps ISO
 * strings, bytes arrays of numbers.
 */
export function toJsonValue(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Array.from(value);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [String(key), toJsonValue(item)]));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJsonValue(item)]));
  }
  return value;
}

/**
 * Evaluates a CEL expression over a scope and returns a JSON value.
 *
 * @remarks Numbers behave as users expect: JSON numbers are doubles, literals like `1000` ints,
 * and comparisons and `+ - * /` mix them freely. Integer results come back as JS numbers.
 * @throws ParseError or EvaluationError from the CEL library (e.g. a missing map key).
 * @example evaluateExpression("input.amount * 2", { input: { amount: 21 }, steps: {} }) // 42
 */
export function evaluateExpression(
  source: string,
  scope: ExpressionScope,
  variables: readonly string[] = GRAPH_VARIABLES,
): unknown {
  return toJsonValue(compiled(source, variables)(scope));
}

/**
 * Evaluates a condition: true only if the expression evaluates to `true`. Errors (a missing
 * field, a type mismatch) count as false, so a broken condition never takes its edge.
 */
export function testCondition(source: string, scope: ExpressionScope, variables: readonly string[] = GRAPH_VARIABLES): boolean {
  try {
    return compiled(source, variables)(scope) === true;
  } catch {
    return false;
  }
}

/**
 * Evaluates a mapping (`field → expression`); a field whose expression fails is left out and its
 * error message reported in `errors`.
 */
export function evaluateMapping(
  mapping: Record<string, string>,
  scope: ExpressionScope,
): { values: Record<string, unknown>; errors: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [field, source] of Object.entries(mapping)) {
    try {
      values[field] = evaluateExpression(source, scope);
    } catch (error) {
      errors[field] = error instanceof Error ? (error.message.split("\n")[0] ?? "error") : String(error);
    }
  }
  return { values, errors };
}

function display(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * Renders a template: each `{{ expression }}` is replaced by its value (objects as JSON); a
 * placeholder that fails to evaluate renders as an empty string.
 *
 * @example renderTemplate("Pay {{ input.vendor }}", { input: { vendor: "ACME" }, steps: {} }) // "Pay ACME"
 */
export function renderTemplate(template: string, scope: ExpressionScope): string {
  return parseTemplate(template)
    .map((segment) => {
      if (segment.kind === "text") return segment.text;
      try {
        return display(evaluateExpression(segment.source, scope));
      } catch {
        return "";
      }
    })
    .join("");
}
