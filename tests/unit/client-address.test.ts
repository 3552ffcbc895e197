import { beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, clientAddress, markPeerAddressHeaderTrusted, normalizeAddress, parseTrustedProxies } from "@/lib/http/client-address";

const req = (peer: string | null, xff?: string) => {
  const h = new Headers();
  if (peer !== null) h.set(PEER_ADDRESS_HEADER, peer);
  if (xff !== undefined) h.set("x-forwarded-for", xff);
  return h;
};
const none = parseTrustedProxies("");

describe("clientAddress", () => {
  beforeAll(() => markPeerAddressHeaderTrusted());

  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(req("203.0.113.7"), none)).toBe("203.0.113.7");
    expect(clientAddress(req("203.0.113.7", "1.1.1.1"), none)).toBe("203.0.113.7");
    expect(clientAddress(req("203.0.113.7", "1.1.1.1, 2.2.2.2"), none)).toBe("203.0.113.7");
    expect(clientAddress(req("2001:db8::7", "1.1.1.1"), none)).toBe("2001:db8::7");
  });

  it("takes the right-most untrusted X-Forwarded-For entry when the peer is a trusted proxy; spoofed left-most entries are skipped", () => {
    const lb = parseTrustedProxies("127.0.0.1");
    expect(clientAddress(req("127.0.0.1", "198.51.100.4"), lb)).toBe("198.51.100.4");
    // The client wrote "9.9.9.9, 8.8.8.8" itself; the proxy appended the real address.
    expect(clientAddress(req("127.0.0.1", "9.9.9.9, 8.8.8.8, 198.51.100.4"), lb)).toBe("198.51.100.4");
    // Two trusted hops (CDN range, then the load balancer) are walked past from the right.
    const chain = parseTrustedProxies("10.0.0.0/8, 192.0.2.0/24");
    expect(clientAddress(req("10.1.2.3", "6.6.6.6, 198.51.100.4, 192.0.2.10"), chain)).toBe("198.51.100.4");
    // A client that forges a trusted address on the left gains nothing.
    expect(clientAddress(req("10.1.2.3", "10.9.9.9, 198.51.100.4"), chain)).toBe("198.51.100.4");
  });

  it("falls back to the peer when a trusted proxy sends no or a garbled X-Forwarded-For", () => {
    const lb = parseTrustedProxies("127.0.0.1");
    expect(clientAddress(req("127.0.0.1"), lb)).toBe("127.0.0.1");
    expect(clientAddress(req("127.0.0.1", "not-an-ip"), lb)).toBe("127.0.0.1");
    expect(clientAddress(req("127.0.0.1", "198.51.100.4, <script>"), lb)).toBe("127.0.0.1");
  });

  it("matches IPv4-mapped IPv6 peers against IPv4 ranges and reports the IPv4 form", () => {
    const lb = parseTrustedProxies("127.0.0.0/8");
    expect(clientAddress(req("::ffff:127.0.0.1", "198.51.100.4"), lb)).toBe("198.51.100.4");
    expect(clientAddress(req("::ffff:203.0.113.9", "198.51.100.4"), lb)).toBe("203.0.113.9");
    expect(clientAddress(req("::FFFF:203.0.113.9"), none)).toBe("203.0.113.9");
  });

  it("matches IPv6 addresses and CIDR ranges", () => {
    const v6 = parseTrustedProxies("fd00::/8, ::1");
    expect(clientAddress(req("::1", "2001:db8::42"), v6)).toBe("2001:db8::42");
    expect(clientAddress(req("fd12:3456::1", "2001:DB8::42, fd00::9"), v6)).toBe("2001:db8::42");
    expect(clientAddress(req("fe80::1", "2001:db8::42"), v6)).toBe("fe80::1");
    expect(clientAddress(req("::1", "[2001:db8::43]:4711"), v6)).toBe("2001:db8::43");
  });

  it("CIDR bounds are exact", () => {
    const r = parseTrustedProxies("192.0.2.0/25");
    expect(clientAddress(req("192.0.2.127", "198.51.100.4"), r)).toBe("198.51.100.4");
    expect(clientAddress(req("192.0.2.128", "198.51.100.4"), r)).toBe("192.0.2.128");
  });

  it("knows no address without the peer header", () => {
    expect(clientAddress(req(null, "198.51.100.4"), parseTrustedProxies("127.0.0.1"))).toBeUndefined();
    expect(clientAddress(req("garbage"), none)).toBeUndefined();
    expect(clientAddress(undefined, none)).toBeUndefined();
  });
});

describe("normalizeAddress", () => {
  it("accepts bare and port-suffixed addresses and rejects the rest", () => {
    expect(normalizeAddress(" 198.51.100.4 ")).toBe("198.51.100.4");
    expect(normalizeAddress("198.51.100.4:8080")).toBe("198.51.100.4");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    for (const bad of ["", "unknown", "1.2.3", "999.1.1.1", "example.com", "1.2.3.4/8"]) expect(normalizeAddress(bad)).toBeUndefined();
  });
});
