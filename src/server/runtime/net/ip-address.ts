import { isIPv4, isIPv6 } from "node:net";

/**
 * Parses an IPv4 address to its 32-bit value, or `undefined` when `text` is not one.
 *
 * @example
 * parseIPv4("10.0.0.1") // 167772161
 */
export function parseIPv4(text: string): number | undefined {
  if (!isIPv4(text)) return undefined;
  return text.split(".").reduce((value, octet) => value * 256 + Number(octet), 0);
}

/**
 * Parses an IPv6 address (with `::` compression or a dotted IPv4 tail; a `%zone` is ignored) to
 * its eight 16-bit groups, or `undefined` when `text` is not one.
 *
 * @example
 * parseIPv6("::ffff:127.0.0.1") // [0, 0, 0, 0, 0, 0xffff, 0x7f00, 0x0001]
 */
export function parseIPv6(text: string): number[] | undefined {
  const address = text.split("%")[0] ?? "";
  if (!isIPv6(address)) return undefined;
  const [head = "", tail] = address.split("::");
  const toGroups = (part: string): number[] =>
    part === "" ? [] : part.split(":").flatMap((group) => (group.includes(".") ? ipv4Groups(group) : [parseInt(group, 16)]));
  const left = toGroups(head);
  const right = tail === undefined ? [] : toGroups(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function ipv4Groups(dotted: string): number[] {
  const value = parseIPv4(dotted) ?? 0;
  return [Math.floor(value / 0x10000), value % 0x10000];
}
