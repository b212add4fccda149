import { toJsonValue } from "~/server/runtime/payload/json-value";

/**
 * Deterministic JSON for hashing ledger payloads: object keys sorted at every level, no
 * whitespace, and non-JSON values normalised (`undefined` dropped from objects, `NaN`/`Infinity`
 * → `null`, `Date` → ISO string, `BigInt` → decimal string).
 *
 * @remarks Throws `AppError("BAD_REQUEST")` for a cyclic or absurdly deep value: such a payload
 * has no canonical form, and hashing a placeholder would hide the fact.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, undefined] }) // '{"a":[2,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(toJsonValue(value, { sortKeys: true, strict: true }));
}
