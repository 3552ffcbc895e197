// User enumeration through password reset, tried as the attacker: the confirm door answers every
// failure byte for byte the same, and the request door does the same database work for any email.
import { describe, expect, it } from "vitest";
import { POST as confirm } from "@/app/api/v1/auth/password-reset/confirm/route";
import { OTP_MAX_ATTEMPTS, requestPasswordReset } from "@/lib/auth/password-reset";
import { prisma, type PrismaClient } from "@/lib/db/client";
import { PASSWORD, tenant } from "../support/factories";
import { call } from "../support/http";
import { latestResetCode } from "../support/reset-codes";

const requestId = "enumeration-probe-0001";
const probe = async (email: string, code: string) => {
  const res = await call(confirm, { method: "POST", path: "/api/v1/auth/password-reset/confirm", headers: { "x-request-id": requestId }, body: { email, code, password: "NewPass@2026" } });
  return { status: res.status, type: res.headers.get("content-type"), body: JSON.stringify(res.json) };
};
const otherThan = (code: string) => (code === "000000" ? "111111" : "000000");

describe("reset confirm answers", () => {
  it("are byte-identical for an unknown email and for a real user's wrong code (and no code, spent or expired codes, too many attempts)", async () => {
    const { user } = await tenant();
    const unknown = await probe(`nobody-${process.pid}@test.example`, "123456");
    expect(unknown.status).toBe(400);

    const noCodeYet = await probe(user.email, "123456");
    await requestPasswordReset(prisma, { email: user.email });
    const code = await latestResetCode(user.email);
    const wrongCode = await probe(user.email, otherThan(code));
    // Attempts still count on the real code.
    expect((await prisma.passwordResetOtp.findFirstOrThrow({ where: { userId: user.id, consumedAt: null } })).attempts).toBe(1);
    for (let i = 1; i < OTP_MAX_ATTEMPTS; i++) await probe(user.email, otherThan(code));
    const tooMany = await probe(user.email, code);
    // A fresh code, then expired.
    await prisma.passwordResetOtp.updateMany({ where: { userId: user.id }, data: { consumedAt: new Date() } });
    await requestPasswordReset(prisma, { email: user.email });
    const fresh = await latestResetCode(user.email);
    await prisma.passwordResetOtp.updateMany({ where: { userId: user.id, consumedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await probe(user.email, fresh);

    for (const answer of [noCodeYet, wrongCode, tooMany, expired]) expect(answer).toEqual(unknown);
    expect(JSON.parse(unknown.body)).toMatchObject({ code: "validation", errors: { code: [expect.stringContaining("request a new code")] } });
    // And nothing changed: the old password still works.
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordChangedAt).toBeNull();
    expect(PASSWORD).toBeTruthy();
  });

  it("run the same statements for an unknown email as for a real user's wrong code", async () => {
    const { user } = await tenant();
    await requestPasswordReset(prisma, { email: user.email });
    const code = await latestResetCode(user.email);
    const { db, statements } = recording();
    const { resetPassword } = await import("@/lib/auth/password-reset");
    await resetPassword(db, { email: `nobody-else-${process.pid}@test.example`, code: "123456", password: "NewPass@2026" }).catch(() => {});
    const forUnknown = statements.splice(0);
    await resetPassword(db, { email: user.email, code: otherThan(code), password: "NewPass@2026" }).catch(() => {});
    expect(statements).toEqual(forUnknown);
    expect(forUnknown.length).toBeGreaterThanOrEqual(2);
  });
});

describe("reset code requests", () => {
  it("do the same work for a real user and an unknown email: the limits and one queued job, nothing else", async () => {
    const { user } = await tenant();
    const ghost = `ghost-${process.pid}@test.example`;
    const { db, statements } = recording();
    await requestPasswordReset(db, { email: user.email }, { ip: "198.51.100.20" });
    const forUser = statements.splice(0);
    await requestPasswordReset(db, { email: ghost }, { ip: "198.51.100.21" });
    expect(statements).toEqual(forUser);
    expect(forUser.filter((s) => /pgboss/i.test(s))).toHaveLength(1);
    // The user lookup and the code happen later, in the job, not in the request.
    expect(forUser.some((s) => /"User"|PasswordResetOtp|EmailMessage/.test(s))).toBe(false);
    expect(await prisma.passwordResetOtp.count({ where: { userId: user.id } })).toBe(0);
    await latestResetCode(user.email);
    expect(await prisma.passwordResetOtp.count({ where: { userId: user.id } })).toBe(1);
  });

  it("take about as long for a real user as for an unknown email (a loose check; the statements above are the proof)", async () => {
    const { user } = await tenant();
    const ghost = `ghost-timing-${process.pid}@test.example`;
    const times = { user: [] as number[], ghost: [] as number[] };
    const base = Date.now();
    for (let i = 0; i < 12; i++) {
      // Each round in its own 15-minute window, so the per-email limit never interferes.
      const now = new Date(base + i * 16 * 60_000);
      for (const [who, email] of [["user", user.email], ["ghost", ghost]] as const) {
        const t0 = performance.now();
        await requestPasswordReset(prisma, { email }, { now });
        times[who].push(performance.now() - t0);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const [a, b] = [median(times.user), median(times.ghost)];
    expect(Math.abs(a - b), `medians ${a.toFixed(1)} ms vs ${b.toFixed(1)} ms`).toBeLessThan(Math.max(15, 0.5 * Math.max(a, b)));
  });
});

/** A client that forwards to the real one and notes each statement's SQL (model calls by name), without values. */
function recording(): { db: PrismaClient; statements: string[] } {
  const statements: string[] = [];
  const raw = new Set(["$queryRaw", "$executeRaw", "$queryRawUnsafe", "$executeRawUnsafe"]);
  const wrap = (target: object, path: string): unknown =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver);
        if (typeof prop !== "string") return value;
        if (typeof value === "function") {
          return (...args: unknown[]) => {
            if (raw.has(prop)) statements.push(Array.isArray(args[0]) ? (args[0] as string[]).join("?") : String(args[0]));
            else if (path) statements.push(`${path}.${prop} ${JSON.stringify(shape(args[0]))}`);
            else if (prop === "$transaction") statements.push("$transaction");
            if (prop === "$transaction" && typeof args[0] === "function") return (value as (fn: unknown) => unknown).call(t, (tx: object) => (args[0] as (tx: unknown) => unknown)(wrap(tx, "")));
            return (value as (...a: unknown[]) => unknown).apply(t, args);
          };
        }
        if (value && typeof value === "object" && !path) return wrap(value, prop);
        return value;
      },
    });
  return { db: wrap(prisma, "") as PrismaClient, statements };
}

/** The keys of a query's arguments (which columns, which filters), not their values. */
function shape(v: unknown): unknown {
  if (!v || typeof v !== "object" || v instanceof Date) return typeof v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, shape(x)]));
}
