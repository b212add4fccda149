import { Environment } from "@marcbachmann/cel-js";

import { GRAPH_LIMITS } from "../graph/limits";

/** Variables known to expressions on edges, in node configs and in templates. */
export const GRAPH_VARIABLES = ["input", "steps"] as const;

const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
};

function createEnvironment(variables: readonly string[]): Environment {
  const environment = new Environment({
    homogeneousAggregateLiterals: false,
    limits: {
      maxAstNodes: GRAPH_LIMITS.maxExpressionAstNodes,
      maxDepth: GRAPH_LIMITS.maxExpressionDepth,
      maxListElements: 200,
      maxMapEntries: 200,
      maxCallArguments: 16,
    },
  });
  for (const variable of variables) environment.registerVariable(variable, "dyn");
  // JSON numbers reach CEL as doubles while literals like `1000` are ints; CEL has no mixed
  // arithmetic, so `input.amount + 1` would fail. Mixed operations are computed as doubles.
  for (const [operator, apply] of Object.entries(ARITHMETIC)) {
    environment.registerOperator(`double ${operator} int`, (a: number, b: bigint) => apply(a, Number(b)));
    environment.registerOperator(`int ${operator} double`, (a: bigint, b: number) => apply(Number(a), b));
  }
  return environment;
}

const environments = new Map<string, Environment>();

/**
 * The shared CEL environment declaring `variables` (all typed `dyn`), created once per variable set.
 *
 * @remarks Expressions may only name these variables; anything else is an "unknown field".
 */
export function environmentFor(variables: readonly string[] = GRAPH_VARIABLES): Environment {
  const key = variables.join(",");
  let environment = environments.get(key);
  if (!environment) {
    environment = createEnvironment(variables);
    environments.set(key, environment);
  }
  return environment;
}

/** Cache key of an expression compiled in the environment of `variables`. */
export function expressionKey(source: string, variables: readonly string[]): string {
  return `${variables.join(",")}\u0000${source}`;
}
