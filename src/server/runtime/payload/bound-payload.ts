import { toJsonValue } from "~/server/runtime/payload/json-value";

/** What replaces a payload that serialises to more than the limit. */
export type TruncatedPayload = { truncated: true; bytes: number; preview: string };

export type BoundedPayload = {
  /** The payload as plain JSON data, or a {@link TruncatedPayload} when it was over the limit. */
  value: unknown;
  truncated: boolean;
  /** UTF-8 size of the payload's full JSON serialisation. */
  bytes: number;
};

/**
 * Keeps a payload (a step's input or output, a connector response) within `maxBytes` of JSON
 * before it is stored.
 *
 * @remarks Never throws: cycles become `"[Circular]"`, `BigInt`s their decimal strings (see
 * `toJsonValue`). Over the limit the value is replaced by `{ truncated: true, bytes, preview }`,
 * where `preview` is the first `floor(maxBytes / 2)` characters of the JSON.
 *
 * @example
 * boundPayload({ text: "x".repeat(10_000) }, 1024).truncated // true
 */
export function boundPayload(value: unknown, maxBytes: number): BoundedPayload {
  const plain = toJsonValue(value, { sortKeys: false, strict: false });
  const json = JSON.stringify(plain);
  const bytes = Buffer.byteLength(json, "utf8");
  if (bytes <= maxBytes) return { value: plain, truncated: false, bytes };
  const preview: TruncatedPayload = { truncated: true, bytes, preview: prefix(json, Math.floor(maxBytes / 2)) };
  return { value: preview, truncated: true, bytes };
}

/** The first `length` UTF-16 units of `text`, without leaving half a surrogate pair at the end. */
function prefix(text: string, length: number): string {
  const cut = text.slice(0, Math.max(0, length));
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
