/** One changed field: a path such as `config.retry.maxAttempts` or `config.rules[1].when`. */
export type FieldChange = {
  path: string;
  /** `undefined` when the field was added. */
  before: unknown;
  /** `undefined` when the field was removed. */
  after: unknown;
};

type PlainObject = Record<string, unknown>;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Arrays of objects or arrays are compared element by element; arrays of plain values as a whole. */
function isStructuredArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.some((item) => typeof item === "object" && item !== null);
}

function keyPath(parent: string, key: string): string {
  const segment = IDENTIFIER.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (!parent) return segment;
  return segment.startsWith("[") ? `${parent}${segment}` : `${parent}.${segment}`;
}

/**
 * Whether two JSON-like values are structurally equal (object key order does not matter).
 *
 * @example isDeepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }) // true
 */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => isDeepEqual(item, b[index]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!isDeepEqual(a[key], b[key])) return false;
  return true;
}

/**
 * The leaf-level differences between two JSON-like values, as paths with before/after values.
 *
 * @remarks Objects are compared key by key (a key that is absent or `undefined` counts as
 * missing); arrays that hold objects are compared index by index, with extra items reported as
 * added or removed; arrays of plain values, and values whose kind changed, are one change.
 * @example
 * diffValues({ retry: { maxAttempts: 3 } }, { retry: { maxAttempts: 5 } }, "config")
 * // [{ path: "config.retry.maxAttempts", before: 3, after: 5 }]
 */
export function diffValues(before: unknown, after: unknown, path = ""): FieldChange[] {
  if (isDeepEqual(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffValues(before[key], after[key], keyPath(path, key)));
  }
  if (isStructuredArray(before) && isStructuredArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) => diffValues(before[index], after[index], `${path}[${index}]`)).flat();
  }
  return [{ path, before, after }];
}
