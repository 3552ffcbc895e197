// Behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1) the client address is the right-most
// X-Forwarded-For entry the proxy added; a spoofed entry to its left is ignored.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Read once by lib/env.ts; this file runs in its own process, so the setting stays here.
vi.hoisted(() => {
  process.env.TRUSTED_PROXIES = "127.0.0.1, ::1";
});

const { POST: token } = await import("@/app/api/v1/auth/token/route");
const { prisma } = await import("@/lib/db/client");
const { PEER_ADDRESS_HEADER, markPeerAddressHeaderTrusted } = await import("@/lib/http/client-address");
const { call } = await import("../support/http");

describe("client address behind a trusted proxy", () => {
  beforeAll(() => markPeerAddressHeaderTrusted());
  afterAll(() => {
    delete process.env.TRUSTED_PROXIES;
  });

  it("honours the proxy's X-Forwarded-For: 11 attempts from 11 clients are 11 separate addresses", async () => {
    const email = `proxied-${process.pid}@test.example`;
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) {
      const res = await call(token, { method: "POST", path: "/api/v1/auth/token", headers: { [PEER_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": `6.6.6.6, 198.51.100.${i}` }, body: { email, password: `guess-${i}` } });
      statuses.push(res.status);
    }
    expect(statuses).toEqual(Array(11).fill(401));
    const pairs = await prisma.loginThrottle.findMany({ where: { email, key: { startsWith: "pair:" } }, select: { key: true } });
    expect(pairs.map((p) => p.key.split(" ")[1]).sort()).toEqual(Array.from({ length: 11 }, (_, i) => `198.51.100.${i + 1}`).sort());
  });

  it("a request straight from an untrusted peer is still that peer, whatever it forwards", async () => {
    const email = `direct-${process.pid}@test.example`;
    await call(token, { method: "POST", path: "/api/v1/auth/token", headers: { [PEER_ADDRESS_HEADER]: "203.0.113.50", "x-forwarded-for": "198.51.100.77" }, body: { email, password: "guess" } });
    expect((await prisma.loginThrottle.findMany({ where: { email, key: { startsWith: "pair:" } } })).map((p) => p.key)).toEqual([`pair:${email} 203.0.113.50`]);
  });
});
