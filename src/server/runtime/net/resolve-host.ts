import { lookup } from "node:dns/promises";
import { AppError } from "~/server/errors";
import { classifyAddress, isHostAllowlisted } from "~/server/runtime/net/address-policy";

/** An address a request may connect to, already checked against the policy. */
export type PinnedAddress = { address: string; family: 4 | 6 };

/** At least one address. */
export type PinnedAddresses = [PinnedAddress, ...PinnedAddress[]];

/**
 * Resolves a URL's host to all of its addresses and returns them (in resolver order, never empty)
 * after checking every one against the outbound-request policy.
 *
 * @remarks Throws `AppError("FORBIDDEN")` naming the host, the address and its range when any
 * address is not public and the host is not on `allowlist`; cloud-metadata addresses are refused
 * even when allowlisted. A host that does not resolve is `AppError("BAD_REQUEST")`. Connect only to
 * the returned addresses (never resolve the name again) so a second DNS answer cannot swap them.
 */
export async function resolvePinnedAddresses(url: URL, allowlist: readonly string[]): Promise<PinnedAddresses> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = await lookup(host, { all: true, verbatim: true }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code ?? "lookup failed";
    throw new AppError("BAD_REQUEST", `Host "${host}" does not resolve (${code})`);
  });
  const allowlisted = isHostAllowlisted(url, allowlist);
  for (const { address } of addresses) {
    const range = classifyAddress(address);
    if (range === "public" || (allowlisted && range !== "cloud metadata")) continue;
    const hint = range === "cloud metadata" ? "" : "; add the host to the connector allowlist to permit it";
    throw new AppError("FORBIDDEN", `Refused to connect to host "${host}": it resolves to ${address} (${range})${hint}`);
  }
  const [first, ...rest] = addresses.map(({ address, family }): PinnedAddress => ({ address, family: family === 6 ? 6 : 4 }));
  if (!first) throw new AppError("BAD_REQUEST", `Host "${host}" does not resolve`);
  return [first, ...rest];
}
