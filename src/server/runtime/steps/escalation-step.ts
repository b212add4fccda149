import type { NodeConfig } from "~/engine";
import type { LlmSuccess } from "~/server/runtime/llm";
import { invokeOnce } from "./invoke-once";
import { stepKey, type StepCall } from "./step-context";
import type { StepEnv } from "./step-env";

type Resolved = { subject?: unknown; amount?: unknown; handoff?: unknown };
type TierAnswer = { resolved: boolean; confidence?: number; text?: string; output?: unknown; by?: string };

const SYSTEM_PROMPT =
  "You are the automatic first tier of a support escalation. Answer the customer's case if you can do so correctly and safely. " +
  'Reply as JSON: {"answer": string, "resolved": boolean, "confidence": number from 0 to 1, "rationale": string}. ' +
  "Set resolved to false when a person should handle the case.";

const ANSWER_SCHEMA = {
  type: "object",
  properties: {
    answer: { type: "string" },
    resolved: { type: "boolean" },
    confidence: { type: "number" },
    rationale: { type: "string" },
  },
  required: ["answer", "resolved", "confidence", "rationale"],
  additionalProperties: false,
};

/**
 * An automatic escalation tier: a model answers the case with what earlier tiers did; its
 * confidence and the tier's triggers decide whether the case moves up. Without a model the tier
 * reports that it could not answer (confidence 0), so the case moves on to people.
 */
export async function runEscalationStep(env: StepEnv, call: StepCall<NodeConfig<"escalation">>): Promise<TierAnswer> {
  const tier = call.input.tier ?? "auto";
  const resolved = call.input.resolved as Resolved;
  call.run.attributeStep(`${call.input.nodeId}.${tier}`, "model:escalation");
  if (!env.modelConfigured) return { resolved: false, confidence: 0, text: "No model configured", output: { answer: null } };
  const history = ((call.input.context.steps[call.input.nodeId]?.output as { history?: unknown[] } | undefined)?.history ?? []).length;
  const request = {
    system: SYSTEM_PROMPT,
    prompt: `Case:\n${String(resolved.subject ?? "")}\n\nEarlier tiers:\n${JSON.stringify(resolved.handoff ?? [])}`,
    temperature: 0.2,
    jsonSchema: { name: "tier_answer", schema: ANSWER_SCHEMA },
  };
  const result = await invokeOnce<LlmSuccess>(env, {
    runId: call.run.id,
    nodeId: call.input.nodeId,
    // Each round of a tier is its own call: a tier that fails and retries asks again.
    key: `${stepKey(call)}:${tier}:${history}`,
    connector: "llm",
    request,
    retry: { maxAttempts: 2, backoff: "exponential", initialDelay: "PT2S" },
    timeoutMs: 120_000,
    signal: call.signal,
    call: async () => {
      const answer = await env.llm.complete(request);
      if (!answer.ok) throw Object.assign(new Error(answer.message), { retryable: answer.retryable });
      return answer;
    },
  });
  const output = result.output as { answer?: string; resolved?: boolean; rationale?: string };
  call.run.attributeStep(`${call.input.nodeId}.${tier}`, `model:${result.model}`);
  return {
    resolved: output.resolved === true,
    confidence: result.confidence ?? 0,
    text: output.answer ?? result.content,
    output: { answer: output.answer ?? result.content, rationale: output.rationale },
    by: `model:${result.model}`,
  };
}
