import { offFlowCompensationSteps } from "../analysis/compensation-steps";
import { indexGraph } from "../analysis/graph-index";
import type { Graph } from "../graph/schema";
import { checkCycles } from "./cycles";
import { checkExpressions } from "./expressions";
import { checkForks } from "./forks";
import { checkHandles } from "./handles";
import { parseDocument } from "./parse-document";
import { preflight } from "./preflight";
import { problem, type Problem } from "./problem";
import { checkReachability } from "./reachability";
import { checkNodeReferences } from "./references";
import { checkStructure } from "./structure";

/** Result of {@link validateGraph}: the parsed graph (defaults applied) and any warnings, or the problems. */
export type ValidationResult = { ok: true; graph: Graph; problems: Problem[] } | { ok: false; problems: Problem[] };

function validateUnsafe(document: unknown): ValidationResult {
  const early = preflight(document);
  if (early.length > 0) return { ok: false, problems: early };
  const parsed = parseDocument(document);
  if (!parsed.header) return { ok: false, problems: parsed.problems };
  const index = indexGraph(parsed.nodes, parsed.edges);
  const offFlow = offFlowCompensationSteps(index);
  const problems = [
    ...parsed.problems,
    ...checkStructure(parsed.nodes, parsed.edges),
    ...checkHandles(index, offFlow),
    ...checkNodeReferences(index),
    ...checkExpressions(parsed.nodes, parsed.edges),
    ...checkReachability(index, offFlow),
    ...checkForks(index),
    ...checkCycles(index),
  ];
  if (problems.some((found) => found.severity === "error")) return { ok: false, problems };
  const nodes = parsed.nodes.map((found) => found.node);
  return { ok: true, graph: { ...parsed.header, nodes, edges: parsed.edges } as Graph, problems };
}

/**
 * Validates a workflow graph and returns every problem at once.
 *
 * @remarks Never throws: garbage, wrong types, huge strings and deep nesting all come back as
 * problems. On success `graph` is the parsed graph with defaults applied, ready for `compile`,
 * and `problems` holds warnings only.
 * @example
 * const result = validateGraph(JSON.parse(text));
 * if (!result.ok) console.log(result.problems.map((p) => `${p.code}: ${p.message}`));
 */
export function validateGraph(document: unknown): ValidationResult {
  try {
    return validateUnsafe(document);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem("INVALID_GRAPH", `The graph could not be read: ${reason.slice(0, 200)}`)] };
  }
}

/**
 * Parses JSON text and validates it; malformed JSON comes back as an `INVALID_JSON` problem.
 */
export function validateGraphJson(text: string): ValidationResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem("INVALID_JSON", `The file is not valid JSON: ${reason.slice(0, 200)}`)] };
  }
  return validateGraph(document);
}
