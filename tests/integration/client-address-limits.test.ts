// The rotated-header attack on the REST doors, with no trusted proxy (the default): the address is the
// TCP peer that the app's server writes into its private header, so a new X-Forwarded-For per request
// changes nothing, and every 429 says when to come back.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as requestCode } from "@/app/api/v1/auth/password-reset/request/route";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { prisma } from "@/lib/db/client";
import { PEER_ADDRESS_HEADER, markPeerAddressHeaderTrusted } from "@/lib/http/client-address";
import { call } from "../support/http";

const peer = `127.0.${process.pid % 250}.${Math.floor(Math.random() * 250)}`;
const rotated = (i: number) => ({ [PEER_ADDRESS_HEADER]: peer, "x-forwarded-for": `203.0.113.${i}, 198.51.100.${i}`, "x-real-ip": `192.0.2.${i}` });

describe("client address without a trusted proxy", () => {
  beforeAll(() => markPeerAddressHeaderTrusted());

  it("11 sign-in attempts, each with a different X-Forwarded-For, still meet the per-address limit, with Retry-After", async () => {
    const email = `rotate-${peer}@test.example`;
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 1; i <= 11; i++) {
      last = await call(token, { method: "POST", path: "/api/v1/auth/token", headers: rotated(i), body: { email, password: `guess-${i}` } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429]);
    expect(last!.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(last!.json).toMatchObject({ code: "rate_limited", retryAfterSeconds: Number(last!.headers.get("retry-after")) });
    // Counted against the peer, never against an address the client wrote.
    const keys = (await prisma.loginThrottle.findMany({ where: { email }, select: { key: true } })).map((r) => r.key).sort();
    expect(keys).toEqual([`account:${email}`, `pair:${email} ${peer}`]);
  });

  it("reset-code requests from one peer meet the per-address limit whatever X-Forwarded-For says, and the 429 carries Retry-After", async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 1; i <= 11; i++) {
      last = await call(requestCode, { method: "POST", path: "/api/v1/auth/password-reset/request", headers: rotated(i), body: { email: `code-${i}-${peer}@test.example` } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array(10).fill(202), 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.headers.get("content-type")).toBe("application/problem+json");
  });
});
