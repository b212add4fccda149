import { z } from "zod";

import { TemplateSchema } from "../common";
import { defineNodeType, type ExpressionRef } from "../node-type";

/** Config of an LLM node: one chat/responses call. */
export const LlmConfigSchema = z
  .object({
    model: z.string().min(1).max(100).optional().meta({
      title: "Model",
      description: "Model name, e.g. gpt-4.1-mini. Empty: the runtime's default model.",
    }),
    systemPrompt: TemplateSchema.default("").meta({ title: "System prompt" }),
    userPrompt: TemplateSchema.min(1, "The prompt is empty.").meta({ title: "User prompt" }),
    outputSchema: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ title: "Output JSON schema", description: "Structured output; the reply must match this JSON Schema." }),
    tools: z
      .array(z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/))
      .max(32)
      .default([])
      .meta({ title: "Allowed tools", description: "Connectors the model may call." }),
    temperature: z.number().min(0).max(2).default(0.2).meta({ title: "Temperature" }),
    maxTokens: z.number().int().min(1).max(200_000).optional().meta({ title: "Max output tokens" }),
    confidenceField: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
      .default("confidence")
      .meta({ title: "Confidence field", description: "Output field holding the model's confidence (0..1)." }),
    fallback: z.boolean().default(false).meta({
      title: "Fallback route",
      description: "Adds a 'fallback' outcome taken when no model is available, instead of failing with 'error'.",
    }),
  })
  .meta({ title: "LLM" });

export type LlmConfig = z.output<typeof LlmConfigSchema>;

/** Calls a language model; the runtime provides the `llm` actor. */
export const llmNode = defineNodeType({
  type: "llm",
  label: "LLM",
  description: "Prompts a model over the run context; records tokens, cost, rationale and confidence.",
  configSchema: LlmConfigSchema,
  outcomes: (config) => (config.fallback ? ["success", "error", "fallback"] : ["success", "error"]),
  failureOutcomes: ["error"],
  expressions: (config) => {
    const refs: ExpressionRef[] = [{ path: ["userPrompt"], source: config.userPrompt, kind: "template" }];
    if (config.systemPrompt) refs.push({ path: ["systemPrompt"], source: config.systemPrompt, kind: "template" });
    return refs;
  },
});
