import { describe, expect, it } from "vitest";
import { classifyAddress, isHostAllowlisted } from "~/server/runtime/net/address-policy";

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["2606:4700:4700::1111", "public"],
    ["127.0.0.1", "loopback"],
    ["127.9.9.9", "loopback"],
    ["::1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["169.254.1.1", "link-local"],
    ["169.254.169.254", "cloud metadata"],
    ["fd00:ec2::254", "cloud metadata"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["100.128.0.1", "public"],
    ["fe80::1", "link-local"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:169.254.169.254", "cloud metadata"],
    ["::ffff:8.8.8.8", "public"],
    ["64:ff9b::a00:1", "private"],
    ["2002:c0a8:0101::1", "private"],
    ["not-an-ip", "reserved"],
  ])("%s is %s", (address, range) => {
    expect(classifyAddress(address)).toBe(range);
  });
});

describe("isHostAllowlisted", () => {
  it("matches a host, or a host with its effective port", () => {
    expect(isHostAllowlisted(new URL("http://LocalHost:8080/x"), ["localhost"])).toBe(true);
    expect(isHostAllowlisted(new URL("http://localhost:8080/x"), ["localhost:8080"])).toBe(true);
    expect(isHostAllowlisted(new URL("http://localhost:9090/x"), ["localhost:8080"])).toBe(false);
    expect(isHostAllowlisted(new URL("https://intranet/x"), ["intranet:443"])).toBe(true);
    expect(isHostAllowlisted(new URL("http://[::1]:81/"), ["::1"])).toBe(true);
    expect(isHostAllowlisted(new URL("http://[::1]:81/"), ["[::1]:81"])).toBe(true);
    expect(isHostAllowlisted(new URL("http://evil.localhost/"), ["localhost"])).toBe(false);
  });
});
