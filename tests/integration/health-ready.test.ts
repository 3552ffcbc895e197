// /api/health answers without the database; /api/ready asks the primary (503 when it does not
// answer), the replica's lag and the job queue's depth. A configured replica that is down or is not
// a replica at all leaves the instance ready, with reports reading the primary.
import { afterEach, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { disconnect, prisma, readDb } from "@/lib/db/client";

const saved = { ...process.env };
afterEach(async () => {
  await disconnect();
  for (const k of ["DATABASE_URL", "DATABASE_REPLICA_URL"]) process.env[k] = saved[k];
  if (!saved.DATABASE_REPLICA_URL) delete process.env.DATABASE_REPLICA_URL;
});

const withPort = (url: string, port: number) => {
  const u = new URL(url);
  u.port = String(port);
  return u.toString();
};

describe("health and readiness", () => {
  it("GET /api/health is 200 even with no database reachable", async () => {
    process.env.DATABASE_URL = withPort(saved.DATABASE_URL!, 1);
    await disconnect();
    const r = health();
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "ok" });
  });

  it("GET /api/ready is 200 with the primary answering and the job queue's depth, the replica 'not configured'", async () => {
    const r = await ready();
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body).toMatchObject({ status: "ready", database: { status: "ok" }, replica: { status: "not configured" }, jobs: { status: "ok" } });
    expect(body.jobs.waiting).toBeGreaterThanOrEqual(0);
  });

  it("GET /api/ready is 503 when the primary does not answer", async () => {
    process.env.DATABASE_URL = withPort(saved.DATABASE_URL!, 1);
    await disconnect();
    const r = await ready();
    expect(r.status).toBe(503);
    expect(await r.json()).toMatchObject({ status: "unavailable", database: { status: "unreachable" }, jobs: { status: "unknown" } });
  });

  it("a replica that is unreachable, or a server that is not a replica, keeps the instance ready and reports on the primary", async () => {
    process.env.DATABASE_REPLICA_URL = withPort(saved.DATABASE_URL!, 1);
    let body = await (await ready()).json();
    expect(body).toMatchObject({ status: "ready", replica: { status: "unreachable", lagSeconds: null } });
    expect(readDb(prisma)).toBe(prisma);
    await disconnect();
    process.env.DATABASE_REPLICA_URL = saved.DATABASE_URL;
    body = await (await ready()).json();
    expect(body).toMatchObject({ status: "ready", replica: { status: "unreachable" } });
    expect(readDb(prisma)).toBe(prisma);
  });
});
