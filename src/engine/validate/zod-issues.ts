import type { z } from "zod";

import { problem, type Problem, type ProblemCode } from "./problem";

/**
 * Turns Zod issues into problems with one code, prefixing their paths with `at`.
 *
 * @remarks Messages name the field ("deadline: Use an ISO 8601 duration…") so a designer can fix it.
 */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  code: ProblemCode,
  at: (string | number)[],
  where: { nodeId?: string; edgeId?: string } = {},
): Problem[] {
  return issues.map((issue) => {
    const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
    const field = path.length > 0 ? `${path.join(".")}: ` : "";
    return problem(code, `${field}${issue.message}`, { ...where, path: [...at, ...path] });
  });
}
