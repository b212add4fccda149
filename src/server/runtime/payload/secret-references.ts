import { AppError } from "~/server/errors";

/** `{{secret.NAME}}`, optionally with spaces inside the braces. */
const SECRET_REFERENCE = /\{\{\s*secret\.([A-Za-z0-9_.-]+)\s*\}\}/g;

/**
 * Replaces every `{{secret.NAME}}` inside the strings of `value` (deeply, through plain objects and
 * arrays) with `secrets[NAME]`, at the moment a request is sent.
 *
 * @remarks An unknown name throws `AppError("BAD_REQUEST")` naming the secret; no message ever
 * contains a secret's value. Non-string leaves are returned unchanged.
 *
 * @example
 * substituteSecrets({ Authorization: "Bearer {{secret.CRM_TOKEN}}" }, { CRM_TOKEN: "t0k" })
 * // { Authorization: "Bearer t0k" }
 */
export function substituteSecrets<T>(value: T, secrets: Readonly<Record<string, string>>): T {
  return substitute(value, secrets) as T;
}

function substitute(value: unknown, secrets: Readonly<Record<string, string>>): unknown {
  if (typeof value === "string") {
    return value.replace(SECRET_REFERENCE, (_match, name: string) => {
      const secret = Object.hasOwn(secrets, name) ? secrets[name] : undefined;
      if (secret === undefined) throw new AppError("BAD_REQUEST", `Unknown secret "${name}"`);
      return secret;
    });
  }
  if (Array.isArray(value)) return value.map((item: unknown) => substitute(item, secrets));
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, substitute(child, secrets)]));
  }
  return value;
}
