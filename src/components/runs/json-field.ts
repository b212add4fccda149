/** Reads one key of an unknown JSON value (undefined when the value is not an object). */
export function fieldOf(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}
