import type { ExpressionScope } from "../expressions/evaluate";
import type { RunContext } from "./types";

/** The variables expressions see during a run: `input` and `steps`. */
export function scopeOf(context: Pick<RunContext, "input" | "steps">): ExpressionScope {
  return { input: context.input, steps: context.steps };
}
