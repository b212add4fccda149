import { CIRCULAR_MARK, DEPTH_MARK, MAX_JSON_DEPTH } from "~/server/runtime/payload/json-value";

/** What every redacted value or substring is replaced with. */
export const REDACTED = "[REDACTED]";

/** Secret values shorter than this are not searched for: they would match ordinary text. */
export const MIN_SECRET_LENGTH = 4;

export type RedactOptions = {
  /** Known secret values (API keys, connector secrets) to remove wherever they occur in strings. */
  secretValues: readonly string[];
  /** Replace values under sensitive keys such as `authorization` or `apiKey` (default true). */
  sensitiveKeys?: boolean;
  /** Replace bearer tokens and well-known API key shapes in free text (default true). */
  tokenPatterns?: boolean;
};

/**
 * Key names (compared lower-cased, without `-` and `_`) whose values are always redacted, also as
 * a suffix: `clientSecret`, `x-api-key`, `accessToken`, `dbPassword`. Counters such as
 * `totalTokens` do not match.
 */
const SENSITIVE_KEY_SUFFIXES = ["authorization", "password", "passwd", "apikey", "secret", "token", "cookie", "privatekey"];

/** Credentials recognisable by shape in free text. */
const TOKEN_PATTERNS: readonly [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  [/\bsk-[A-Za-z0-9_-]{16,}/g, REDACTED],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, REDACTED],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/g, REDACTED],
  [/\bAKIA[0-9A-Z]{16}\b/g, REDACTED],
];

/**
 * A deep copy of `value` safe to store or show: known secret values inside any string (keys
 * included) become `[REDACTED]`, as do values under sensitive keys and bearer tokens / `sk-…`
 * style keys in free text.
 *
 * @remarks Plain objects and arrays are copied; a `Date` is cloned, an `Error` becomes
 * `{ name, message }`, other objects are copied by their own enumerable properties. Cycles become
 * `"[Circular]"` and nesting beyond the JSON depth limit `"[MaxDepth]"`.
 *
 * @example
 * redact({ headers: { Authorization: "Bearer abc" }, note: "key sk-live-123" }, { secretValues: ["sk-live-123"] })
 * // { headers: { Authorization: "[REDACTED]" }, note: "key [REDACTED]" }
 */
export function redact(value: unknown, options: RedactOptions): unknown {
  const redactString = stringRedactor(options);
  const redactKeys = options.sensitiveKeys ?? true;
  const ancestors = new Set<object>();

  const visit = (input: unknown, depth: number): unknown => {
    if (typeof input === "string") return redactString(input);
    if (typeof input !== "object" || input === null) return input;
    if (input instanceof Date) return new Date(input.getTime());
    if (ancestors.has(input)) return CIRCULAR_MARK;
    if (depth >= MAX_JSON_DEPTH) return DEPTH_MARK;
    ancestors.add(input);
    try {
      if (Array.isArray(input)) return input.map((item: unknown) => visit(item, depth + 1));
      const source: Record<string, unknown> =
        input instanceof Error ? { name: input.name, message: input.message } : (input as Record<string, unknown>);
      const copy: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(source)) {
        copy[redactString(key)] = redactKeys && isSensitiveKey(key) ? REDACTED : visit(child, depth + 1);
      }
      return copy;
    } finally {
      ancestors.delete(input);
    }
  };

  return visit(value, 0);
}

/**
 * The string part of {@link redact}: removes the given secret values (longest first, ignoring
 * case, since URL hosts are lower-cased) and, unless `tokenPatterns` is false, credential-shaped
 * substrings.
 */
export function stringRedactor(options: RedactOptions): (text: string) => string {
  const secrets = [...new Set(options.secretValues)]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)
    .map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const patterns: (readonly [RegExp, string])[] = (options.tokenPatterns ?? true) ? [...TOKEN_PATTERNS] : [];
  if (secrets.length > 0) patterns.unshift([new RegExp(secrets.join("|"), "gi"), REDACTED]);
  return (text) => patterns.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

function isSensitiveKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[-_]/g, "");
  return SENSITIVE_KEY_SUFFIXES.some((suffix) => normalised.endsWith(suffix));
}
