/** A parsed structured reply, or why it is not acceptable. */
export type ParsedOutput = { ok: true; output: unknown } | { ok: false; message: string };

/**
 * Parses a structured-output reply and checks it against the schema's top-level shape: an object
 * schema needs a JSON object, and every name in `required` must be present.
 *
 * @remarks Deliberately shallow: the provider enforces the full schema in strict mode, and the
 * engine validates the step output with its own Zod contract. This catches replies the step
 * cannot use at all (not JSON, truncated, missing the fields that routing reads).
 */
export function parseStructuredOutput(content: string, schema: Record<string, unknown>): ParsedOutput {
  let output: unknown;
  try {
    output = JSON.parse(content) as unknown;
  } catch {
    return { ok: false, message: "The model's reply is not valid JSON" };
  }
  const required = Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === "string") : [];
  if (schema.type !== "object" && required.length === 0) return { ok: true, output };
  if (!isRecord(output)) return { ok: false, message: "The model's reply is not a JSON object" };
  const missing = required.filter((key) => !Object.hasOwn(output, key));
  if (missing.length > 0) return { ok: false, message: `The model's reply lacks required field(s): ${missing.join(", ")}` };
  return { ok: true, output };
}

/**
 * Reads the model's self-reported confidence (a number, clamped to 0..1; anything else ignored)
 * and rationale (a string) from a structured output.
 */
export function readJudgement(
  output: unknown,
  fields: { confidence: string; rationale: string },
): { confidence?: number; rationale?: string } {
  if (!isRecord(output)) return {};
  const confidence = output[fields.confidence];
  const rationale = output[fields.rationale];
  return {
    ...(typeof confidence === "number" && Number.isFinite(confidence) ? { confidence: Math.min(1, Math.max(0, confidence)) } : {}),
    ...(typeof rationale === "string" ? { rationale } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
