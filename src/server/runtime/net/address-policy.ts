import { parseIPv4, parseIPv6 } from "~/server/runtime/net/ip-address";

/** Why an address may not be reached from a workflow, or `"public"` when it may. */
export type AddressRange =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "carrier-grade NAT"
  | "unique-local"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "cloud metadata";

type Ipv4Range = { base: string; bits: number; range: Exclude<AddressRange, "public"> };

/** Cloud instance metadata endpoints (AWS, GCP, Azure, ECS, Alibaba): never reachable, even when allowlisted. */
const METADATA_ADDRESSES = new Set(["169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254"]);

/** IPv4 ranges that are not the public internet. Order matters only for overlapping entries. */
const IPV4_BLOCKED: readonly Ipv4Range[] = [
  { base: "255.255.255.255", bits: 32, range: "broadcast" },
  { base: "0.0.0.0", bits: 8, range: "unspecified" },
  { base: "10.0.0.0", bits: 8, range: "private" },
  { base: "100.64.0.0", bits: 10, range: "carrier-grade NAT" },
  { base: "127.0.0.0", bits: 8, range: "loopback" },
  { base: "169.254.0.0", bits: 16, range: "link-local" },
  { base: "172.16.0.0", bits: 12, range: "private" },
  { base: "192.0.0.0", bits: 24, range: "reserved" },
  { base: "192.0.2.0", bits: 24, range: "reserved" },
  { base: "192.168.0.0", bits: 16, range: "private" },
  { base: "198.18.0.0", bits: 15, range: "reserved" },
  { base: "198.51.100.0", bits: 24, range: "reserved" },
  { base: "203.0.113.0", bits: 24, range: "reserved" },
  { base: "224.0.0.0", bits: 4, range: "multicast" },
  { base: "240.0.0.0", bits: 4, range: "reserved" },
];

/**
 * Classifies an IP address for the outbound-request policy: loopback, private, link-local,
 * carrier-grade NAT, unique-local, unspecified, multicast, broadcast, reserved and cloud-metadata
 * addresses are not `"public"`. IPv6 forms that embed an IPv4 address (IPv4-mapped `::ffff:0:0/96`,
 * IPv4-compatible `::/96`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged by that address.
 *
 * @remarks Anything that is not a valid IP address is `"reserved"`: the policy fails closed.
 *
 * @example
 * classifyAddress("::ffff:10.1.2.3") // "private"
 */
export function classifyAddress(address: string): AddressRange {
  const ipv4 = parseIPv4(address);
  if (ipv4 !== undefined) return classifyIPv4(ipv4);
  const groups = parseIPv6(address);
  return groups === undefined ? "reserved" : classifyIPv6(groups);
}

function classifyIPv4(value: number): AddressRange {
  if (METADATA_ADDRESSES.has(formatIPv4(value))) return "cloud metadata";
  const match = IPV4_BLOCKED.find(({ base, bits }) => sameNetwork(value, parseIPv4(base) ?? 0, bits));
  return match?.range ?? "public";
}

function classifyIPv6(groups: number[]): AddressRange {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = g6 * 0x10000 + g7;
  const upperZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (upperZero && g5 === 0) {
    if (g6 === 0 && g7 === 0) return "unspecified";
    if (g6 === 0 && g7 === 1) return "loopback";
    return classifyIPv4(embedded);
  }
  if (upperZero && g5 === 0xffff) return classifyIPv4(embedded);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyIPv4(embedded);
  if (g0 === 0x2002) return classifyIPv4(g1 * 0x10000 + g2);
  if (g0 === 0xfd00 && g1 === 0x0ec2 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && g6 === 0 && g7 === 0x254) {
    return "cloud metadata";
  }
  if ((g0 & 0xfe00) === 0xfc00) return "unique-local";
  if ((g0 & 0xffc0) === 0xfe80) return "link-local";
  if ((g0 & 0xffc0) === 0xfec0) return "private";
  if ((g0 & 0xff00) === 0xff00) return "multicast";
  return "public";
}

function sameNetwork(value: number, base: number, bits: number): boolean {
  const size = 2 ** (32 - bits);
  return Math.floor(value / size) === Math.floor(base / size);
}

function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/**
 * Whether a URL's host is on the allowlist of hosts that may resolve to non-public addresses.
 * Entries are a host (`"localhost"`, `"10.0.0.5"`, `"[::1]"`) or a host with port
 * (`"localhost:8080"`); the port is the URL's explicit one or the scheme's default. Comparison is
 * case-insensitive.
 */
export function isHostAllowlisted(url: URL, allowlist: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const bare = host.replace(/^\[|\]$/g, "");
  const candidates = new Set([host, bare, `${host}:${port}`]);
  return allowlist.some((entry) => candidates.has(entry.trim().toLowerCase()));
}
