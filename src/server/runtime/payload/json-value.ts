import { AppError } from "~/server/errors";

/** A value that `JSON.stringify` reproduces exactly. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Nesting deeper than this is cut (lenient) or refused (strict). */
export const MAX_JSON_DEPTH = 200;

/** What a lenient conversion puts in place of a value it cannot represent. */
export const CIRCULAR_MARK = "[Circular]";
export const DEPTH_MARK = "[MaxDepth]";

export type ToJsonValueOptions = {
  /** Sort object keys so equal values serialise identically. */
  sortKeys: boolean;
  /** Throw on cycles and excessive depth instead of marking them. */
  strict: boolean;
};

/**
 * Converts any value to plain JSON data with `JSON.stringify`'s rules made total: `toJSON` is
 * honoured (a `Date` becomes its ISO string), `undefined`, functions and symbols are dropped from
 * objects and become `null` in arrays, non-finite numbers become `null`, a `BigInt` becomes its
 * decimal string.
 *
 * @remarks Cycles and nesting beyond {@link MAX_JSON_DEPTH} become {@link CIRCULAR_MARK} /
 * {@link DEPTH_MARK}, or with `strict` an `AppError("BAD_REQUEST")`. A value reached twice without a
 * cycle is copied twice.
 */
export function toJsonValue(value: unknown, options: ToJsonValueOptions): JsonValue {
  const ancestors = new Set<object>();

  const visit = (input: unknown, depth: number): JsonValue | undefined => {
    const current = hasToJson(input) ? input.toJSON() : input;
    switch (typeof current) {
      case "string":
      case "boolean":
        return current;
      case "number":
        return Number.isFinite(current) ? current : null;
      case "bigint":
        return current.toString();
      case "undefined":
      case "function":
      case "symbol":
        return undefined;
    }
    if (typeof current !== "object" || current === null) return null;
    if (ancestors.has(current)) return refuse(options.strict, "a cyclic value", CIRCULAR_MARK);
    if (depth >= MAX_JSON_DEPTH) return refuse(options.strict, `nesting deeper than ${MAX_JSON_DEPTH}`, DEPTH_MARK);
    ancestors.add(current);
    try {
      if (Array.isArray(current)) return current.map((item: unknown) => visit(item, depth + 1) ?? null);
      const keys = Object.keys(current);
      if (options.sortKeys) keys.sort();
      const result: { [key: string]: JsonValue } = {};
      for (const key of keys) {
        const converted = visit((current as Record<string, unknown>)[key], depth + 1);
        if (converted !== undefined) result[key] = converted;
      }
      return result;
    } finally {
      ancestors.delete(current);
    }
  };

  return visit(value, 0) ?? null;
}

function hasToJson(value: unknown): value is { toJSON: () => unknown } {
  return typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function";
}

function refuse(strict: boolean, what: string, mark: string): string {
  if (strict) throw new AppError("BAD_REQUEST", `Cannot serialise ${what} as JSON`);
  return mark;
}
