import { evaluateExpression, evaluateMapping, renderTemplate } from "../expressions/evaluate";
import { checkExpression } from "../graph/nodes/guardrail";
import type { NodeConfig } from "../graph/node-types";
import { scopeOf } from "./scope";
import type { RunContext, StepActorInput } from "./types";

type StaticInput = Omit<StepActorInput, "resolved" | "context">;

function tryEvaluate(source: string | undefined, scope: ReturnType<typeof scopeOf>): unknown {
  if (source === undefined) return undefined;
  try {
    return evaluateExpression(source, scope);
  } catch {
    return undefined;
  }
}

/** Evaluates a node's expressions for its actor: mappings, prompt templates, check values. */
function resolve(input: StaticInput, context: RunContext): Record<string, unknown> {
  const scope = scopeOf(context);
  switch (input.nodeType) {
    case "task": {
      const { values, errors } = evaluateMapping((input.config as NodeConfig<"task">).input, scope);
      return { input: values, inputErrors: errors };
    }
    case "llm": {
      const config = input.config as NodeConfig<"llm">;
      return { systemPrompt: renderTemplate(config.systemPrompt, scope), userPrompt: renderTemplate(config.userPrompt, scope) };
    }
    case "decision": {
      const config = input.config as NodeConfig<"decision">;
      if (config.source !== "table") return {};
      const { values, errors } = evaluateMapping(config.inputs, scope);
      return { inputs: values, inputErrors: errors };
    }
    case "guardrail": {
      const config = input.config as NodeConfig<"guardrail">;
      return { values: config.checks.map((check) => tryEvaluate(checkExpression(check)?.source, scope) ?? null) };
    }
    case "escalation": {
      const config = input.config as NodeConfig<"escalation">;
      return {
        subject: tryEvaluate(config.subject, scope) ?? null,
        amount: tryEvaluate(config.amount, scope) ?? null,
        handoff: context.steps[input.nodeId]?.output ?? null,
      };
    }
    default:
      return {};
  }
}

/**
 * Builds the input an invoked actor receives: the static node description from the JSON config,
 * the node's expressions evaluated over the current context, and a copy of input and steps.
 */
export function actorInput(input: StaticInput, context: RunContext): StepActorInput {
  return { ...input, resolved: resolve(input, context), context: { input: context.input, steps: context.steps } };
}
