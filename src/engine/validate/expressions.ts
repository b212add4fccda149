import { analyzeExpression, analyzeTemplate, type KnownFields } from "../expressions/analyze";
import { formatExpressionError, type ExpressionError } from "../expressions/expression-error";
import { expressionsOf, type NodeConfig } from "../graph/node-types";
import type { GraphEdge } from "../graph/schema";
import type { ParsedNode } from "./parse-document";
import { problem, type Problem, type ProblemCode } from "./problem";

const CODES: Record<ExpressionError["kind"], ProblemCode> = {
  syntax: "EXPRESSION_SYNTAX_ERROR",
  unknown_field: "EXPRESSION_UNKNOWN_FIELD",
  type: "EXPRESSION_TYPE_ERROR",
};

function toProblem(error: ExpressionError, what: string, where: Omit<Problem, "code" | "severity" | "message">): Problem {
  return problem(CODES[error.kind], `${what}, at ${formatExpressionError(error)}`, where);
}

/** The fields expressions of this graph may name: the start node's inputs and the node ids. */
export function knownFields(nodes: readonly ParsedNode[]): KnownFields {
  const starts = nodes.filter((node) => node.type === "start");
  const start = starts.length === 1 && starts[0]!.configOk ? (starts[0]!.config as NodeConfig<"start">) : undefined;
  return {
    input: start ? start.inputFields.map((field) => field.name) : undefined,
    steps: nodes.map((node) => node.id),
  };
}

/** Checks edge conditions and every expression and template in node configs. */
export function checkExpressions(nodes: readonly ParsedNode[], edges: readonly GraphEdge[]): Problem[] {
  const fields = knownFields(nodes);
  const problems: Problem[] = [];
  for (const edge of edges) {
    if (edge.condition === undefined) continue;
    for (const error of analyzeExpression(edge.condition, { fields })) {
      problems.push(toProblem(error, `Condition of edge "${edge.id}"`, { edgeId: edge.id }));
    }
  }
  for (const node of nodes) {
    if (!node.configOk) continue;
    for (const ref of expressionsOf(node)) {
      const errors = ref.kind === "template" ? analyzeTemplate(ref.source, { fields }) : analyzeExpression(ref.source, { fields });
      for (const error of errors) {
        const path = ["nodes", node.index, "config", ...ref.path];
        problems.push(toProblem(error, `"${ref.path.join(".")}" of "${node.id}"`, { nodeId: node.id, path }));
      }
    }
  }
  return problems;
}
