import type { INPUT_FIELD_TYPES } from "~/engine";

/** One input field the start node declares. */
export interface InputField {
  name: string;
  type: (typeof INPUT_FIELD_TYPES)[number];
  required?: boolean;
  description?: string;
}

/** What the form holds per field: text for most types, a flag for booleans. */
export type FormValues = Record<string, string | boolean>;

/** The start node's input fields of a graph (none when it has no start node). */
export function inputFieldsOf(graph: { nodes: readonly { type: string; config?: unknown }[] } | null | undefined): InputField[] {
  const start = graph?.nodes.find((node) => node.type === "start");
  const fields = (start?.config as { inputFields?: InputField[] } | undefined)?.inputFields;
  return Array.isArray(fields) ? fields : [];
}

/** Empty form values for the fields: booleans unchecked, JSON fields as an empty object or array. */
export function initialValues(fields: readonly InputField[]): FormValues {
  return Object.fromEntries(
    fields.map((field) => [field.name, field.type === "boolean" ? false : field.type === "object" ? "{}" : field.type === "array" ? "[]" : ""]),
  );
}

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

function parseField(field: InputField, raw: string): { value: unknown } | { error: string } {
  switch (field.type) {
    case "number":
    case "integer": {
      const value = Number(raw);
      if (!Number.isFinite(value)) return { error: "Enter a number." };
      if (field.type === "integer" && !Number.isInteger(value)) return { error: "Enter a whole number." };
      return { value };
    }
    case "date":
      return DATE.test(raw) ? { value: raw } : { error: "Enter a date (2025-01-31) or a time with offset (2025-01-31T09:00:00Z)." };
    case "object":
    case "array": {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        return { error: `Not valid JSON: ${(error as Error).message}` };
      }
      const isArray = Array.isArray(value);
      if (field.type === "array" ? !isArray : isArray || typeof value !== "object" || value === null) {
        return { error: field.type === "array" ? "Enter a JSON array, e.g. []." : "Enter a JSON object, e.g. {}." };
      }
      return { value };
    }
    default:
      return { value: raw };
  }
}

/**
 * Turns form values into a run input, with a message per field that does not parse. Empty
 * optional fields are left out; the server checks the result against the same fields again.
 *
 * @example parseRunInput([{ name: "amount", type: "number" }], { amount: "9000" }) // { input: { amount: 9000 }, errors: {} }
 */
export function parseRunInput(fields: readonly InputField[], values: FormValues): { input: Record<string, unknown>; errors: Record<string, string> } {
  const input: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const raw = values[field.name];
    if (field.type === "boolean") {
      input[field.name] = raw === true;
      continue;
    }
    const textValue = typeof raw === "string" ? raw : "";
    if (textValue.trim() === "" && field.type !== "string") {
      if (field.required !== false) errors[field.name] = "Required.";
      continue;
    }
    if (textValue === "" && field.required === false) continue;
    const parsed = parseField(field, field.type === "string" ? textValue : textValue.trim());
    if ("error" in parsed) errors[field.name] = parsed.error;
    else input[field.name] = parsed.value;
  }
  return { input, errors };
}
