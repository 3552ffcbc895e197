// Two app instances share nothing but the database and AUTH_SECRET. Each "instance" here is a Prisma
// client with a pool of its own on the same database, as two processes behind a load balancer would
// have: what one of them counts, signs or ends, the other sees on its next request.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { loadActor } from "@/lib/auth/load-actor";
import { actorFromAccessToken, issueTokenPair, revokeRefreshToken, rotateRefreshToken } from "@/lib/auth/tokens";
import { prisma, readDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { beginIdempotent, finishIdempotent } from "@/lib/http/idempotency";
import { getBoss } from "@/lib/jobs/boss";
import { hit } from "@/lib/rate-limit";
import { PASSWORD, tenant } from "../support/factories";

type Instance = { db: PrismaClient; pool: pg.Pool };
let A: Instance;
let B: Instance;
const open = (): Instance => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  return { db: new PrismaClient({ adapter: new PrismaPg(pool) }), pool };
};
beforeAll(() => {
  A = open();
  B = open();
});
afterAll(async () => {
  for (const i of [A, B]) {
    await i.db.$disconnect();
    await i.pool.end();
  }
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      return e;
    },
  );
let n = 0;
const addr = () => `10.77.${process.pid % 250}.${++n}`;

describe("across instances", () => {
  it("a rate limit counts hits from both instances in one window: the sixth of a limit of five is refused whichever instance takes it", async () => {
    const limit = { key: `test:${Math.random()}`, limit: 5, windowSeconds: 60 };
    const now = new Date();
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await hit(i % 2 ? B.db : A.db, limit, now));
    expect(results.map((r) => r.count)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false]);
    // Parallel hits from both instances never share a count.
    const key = { ...limit, key: `test:${Math.random()}`, limit: 100 };
    const counts = await Promise.all(Array.from({ length: 20 }, (_, i) => hit(i % 2 ? B.db : A.db, key, now).then((r) => r.count)));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("sign-in failures on instance A slow the next guess on instance B (the lockout is shared)", async () => {
    const { user } = await tenant();
    const ip = addr();
    const now = new Date();
    for (let i = 0; i < 5; i++) expect(await failure(authenticate(i % 2 ? B.db : A.db, { email: user.email, password: `guess-${i}`, ip }, now))).toMatchObject({ code: "invalid_credentials" });
    const sixth = await failure(authenticate(B.db, { email: user.email, password: PASSWORD, ip }, now));
    expect(sixth).toMatchObject({ code: "rate_limited" });
    // From another address the owner still signs in, on either instance.
    expect(await failure(authenticate(A.db, { email: user.email, password: PASSWORD, ip: addr() }, now))).toBeNull();
  });

  it("a token signed by instance A works on instance B, and signing out on B ends it on A at once", async () => {
    const { actor } = await tenant();
    const pair = await issueTokenPair(A.db, actor);
    expect(await actorFromAccessToken(B.db, pair.accessToken)).toMatchObject({ userId: actor.userId });
    const rotated = await rotateRefreshToken(B.db, pair.refreshToken);
    // The spent refresh token is refused on A (reuse detection reads the same rows).
    expect(await failure(rotateRefreshToken(A.db, pair.refreshToken))).toMatchObject({ code: "unauthenticated" });
    const fresh = await issueTokenPair(A.db, actor);
    await revokeRefreshToken(B.db, fresh.refreshToken);
    expect(await failure(actorFromAccessToken(A.db, fresh.accessToken))).toMatchObject({ code: "unauthenticated" });
    expect(rotated.accessToken).not.toBe(pair.accessToken);
  });

  it("a browser session ended through one instance is refused by the other on its next request", async () => {
    const { actor } = await tenant();
    const session = await A.db.userSession.create({ data: { userId: actor.userId, kind: "browser", expiresAt: new Date(Date.now() + 86_400_000) } });
    expect(await loadActor(B.db, actor.userId, actor.companyId, session.id)).not.toBeNull();
    await B.db.userSession.update({ where: { id: session.id }, data: { revokedAt: new Date(), revokedReason: "sign_out" } });
    expect(await loadActor(A.db, actor.userId, actor.companyId, session.id)).toBeNull();
  });

  it("an Idempotency-Key taken on instance A: B answers 409 while A works and replays A's answer afterwards; a different body is 422", async () => {
    const p = { scope: `staff:${Math.random()}`, key: "order-1", method: "POST", path: "/api/v1/orders", body: '{"lines":[]}' };
    // Sent at once to both instances: exactly one claims the key, the other is told it is in progress.
    const answers = await Promise.all([A, B].map((i) => beginIdempotent(i.db, p).catch((e: AppError) => e.code)));
    const claims = answers.filter((a): a is { id: string } => typeof a === "object" && "id" in a);
    expect(claims).toHaveLength(1);
    expect(answers.filter((a) => a === "conflict")).toHaveLength(1);
    await finishIdempotent(A.db, claims[0].id, { statusCode: 201, body: { number: "SO-1" } });
    expect(await beginIdempotent(B.db, p)).toEqual({ replay: { statusCode: 201, body: { number: "SO-1" } } });
    expect(await failure(beginIdempotent(B.db, { ...p, body: '{"lines":[1]}' }))).toMatchObject({ code: "idempotency_mismatch" });
  });

  it("a key claimed by an instance that died mid-request is taken over by one replay once its lease (IDEMPOTENCY_LEASE_SECONDS) has run out", async () => {
    const p = { scope: `staff:${Math.random()}`, key: "order-2", method: "POST", path: "/api/v1/orders", body: "{}" };
    const claim = (await beginIdempotent(A.db, p)) as { id: string };
    // Still within the lease: the request may be running.
    expect(await failure(beginIdempotent(B.db, p))).toMatchObject({ code: "conflict" });
    // Instance A was killed: its claim ages past the lease (60 s by default).
    await prisma.idempotencyKey.update({ where: { id: claim.id }, data: { createdAt: new Date(Date.now() - 61_000) } });
    const takeovers = await Promise.all([beginIdempotent(B.db, p).catch((e: AppError) => e.code), beginIdempotent(A.db, p).catch((e: AppError) => e.code)]);
    expect(takeovers.filter((t) => typeof t === "object" && "id" in t)).toEqual([{ id: claim.id }]);
    expect(takeovers.filter((t) => t === "conflict")).toHaveLength(1);
    await finishIdempotent(B.db, claim.id, { statusCode: 201, body: { ok: true } });
    expect(await beginIdempotent(A.db, p)).toEqual({ replay: { statusCode: 201, body: { ok: true } } });
  });

  it("two instances starting their workers register each nightly schedule once, and a job sent by one is taken by exactly one of them", async () => {
    await getBoss(); // the queues exist
    const bosses = [0, 1].map(() => new PgBoss({ connectionString: process.env.DATABASE_URL, schema: "pgboss", max: 2, supervise: false }));
    try {
      for (const b of bosses) await b.start();
      // What every instance's startWorkers does on start (lib/jobs/worker.ts).
      for (const b of bosses) await b.schedule("maintenance-prune", "23 * * * *", {}, { tz: "Asia/Kolkata" });
      expect((await bosses[1].getSchedules("maintenance-prune")).length).toBe(1);
      const id = await bosses[0].send("maintenance-prune", {});
      const [a, b] = await Promise.all(bosses.map((x) => x.fetch("maintenance-prune", { batchSize: 5 })));
      expect([...a, ...b].filter((j) => j.id === id)).toHaveLength(1);
      for (const [i, jobs] of [a, b].entries()) for (const j of jobs) await bosses[i].complete("maintenance-prune", j.id);
    } finally {
      for (const b of bosses) await b.stop({ graceful: false });
    }
  });

  it("reads that must see their own writes stay on the primary: a transaction or a caller's own client is never sent to the replica", async () => {
    expect(readDb(A.db)).toBe(A.db);
    await prisma.$transaction(async (tx) => {
      expect(readDb(tx as unknown as PrismaClient)).toBe(tx);
    });
    // Without DATABASE_REPLICA_URL the shared client reads the primary.
    expect(readDb(prisma)).toBe(prisma);
  });
});
