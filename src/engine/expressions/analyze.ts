import { ParseError } from "@marcbachmann/cel-js";

import { BoundedCache } from "./bounded-cache";
import { environmentFor, expressionKey, GRAPH_VARIABLES } from "./environment";
import { expressionError, type ExpressionError } from "./expression-error";
import { collectReferences, type References } from "./references";
import { parseTemplate } from "./template";

/** Keys of a step record (`steps.<nodeId>.<key>`); see docs/expressions.md. */
export const STEP_RECORD_KEYS = ["outcome", "output", "error"] as const;

/**
 * Fields an expression may name. `input`: the start node's input field names; `steps`: node ids.
 * Leave a list out to accept any name under that variable.
 */
export interface KnownFields {
  input?: readonly string[];
  steps?: readonly string[];
}

/** Options of {@link analyzeExpression}. */
export interface AnalyzeOptions {
  /** Variables the expression may use; default `input` and `steps`. */
  variables?: readonly string[];
  /** Field names checked under `input.` and `steps.`. */
  fields?: KnownFields;
}

function errorOf(error: unknown, source: string, offset: number): ExpressionError {
  const range = (error as ParseError).range;
  const summary = (error as ParseError).summary ?? (error instanceof Error ? error.message.split("\n")[0] : String(error));
  const kind = error instanceof ParseError ? "syntax" : /unknown variable/i.test(summary) ? "unknown_field" : "type";
  const start = (range?.start ?? 0) + offset;
  return expressionError(kind, summary ?? "Invalid expression", source, start, (range?.end ?? start + 1) - (range?.start ?? 0));
}

const nameSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The names as a set, built once per list (a graph's node ids are checked for every expression). */
function setOf(names: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (!names) return undefined;
  let set = nameSets.get(names);
  if (!set) {
    set = new Set(names);
    nameSets.set(names, set);
  }
  return set;
}

function fieldErrors({ fields: references, forbidden }: References, fields: KnownFields, text: string, offset: number): ExpressionError[] {
  const errors: ExpressionError[] = [];
  for (const call of forbidden) {
    errors.push(expressionError("type", `${call.name}() is not available; use contains, startsWith or endsWith.`, text, call.offset + offset, call.length));
  }
  const inputs = setOf(fields.input);
  const steps = setOf(fields.steps);
  for (const reference of references) {
    const [root, first, second] = reference.path;
    const at = reference.offset + offset;
    if (root === "input" && first !== undefined && inputs && !inputs.has(first)) {
      errors.push(expressionError("unknown_field", `input.${first} is not an input field of the start node.`, text, at, reference.length));
    } else if (root === "steps" && first !== undefined && steps && !steps.has(first)) {
      errors.push(expressionError("unknown_field", `steps.${first} does not name a node.`, text, at, reference.length));
    } else if (root === "steps" && second !== undefined && !(STEP_RECORD_KEYS as readonly string[]).includes(second)) {
      errors.push(
        expressionError("unknown_field", `steps.${first}.${second} is unknown; a step has ${STEP_RECORD_KEYS.join(", ")}.`, text, at, reference.length),
      );
    }
  }
  return errors;
}

/** What parsing and type-checking an expression found: the error, or the names it reads. */
type Analysis = { error: unknown } | { references: References };

/** Analyses by source text: a graph repeats the same expressions across many nodes and edges. */
const analyses = new BoundedCache<Analysis>(5_000);

function analysisOf(source: string, variables: readonly string[]): Analysis {
  return analyses.get(expressionKey(source, variables), () => {
    try {
      const parsed = environmentFor(variables).parse(source);
      const checked = parsed.check();
      if (!checked.valid && checked.error) return { error: checked.error };
      return { references: collectReferences(parsed.ast) };
    } catch (error) {
      return { error };
    }
  });
}

function analyzeAt(source: string, text: string, offset: number, options: AnalyzeOptions): ExpressionError[] {
  if (source.trim() === "") return [expressionError("syntax", "The expression is empty.", text, offset)];
  const analysis = analysisOf(source, options.variables ?? GRAPH_VARIABLES);
  if ("error" in analysis) return [errorOf(analysis.error, text, offset)];
  return fieldErrors(analysis.references, options.fields ?? {}, text, offset);
}

/**
 * Checks one expression without evaluating it: syntax, types, unknown variables and fields.
 *
 * @returns All problems found (empty when the expression is fine); never throws.
 * @example analyzeExpression("input.amount >", { fields: { input: ["amount"] } })[0]?.column // 15
 */
export function analyzeExpression(source: string, options: AnalyzeOptions = {}): ExpressionError[] {
  return analyzeAt(source, source, 0, options);
}

/**
 * Checks every `{{ expression }}` placeholder of a template; positions are relative to the template.
 */
export function analyzeTemplate(template: string, options: AnalyzeOptions = {}): ExpressionError[] {
  return parseTemplate(template).flatMap((segment) =>
    segment.kind === "expression" ? analyzeAt(segment.source, template, segment.offset, options) : [],
  );
}
