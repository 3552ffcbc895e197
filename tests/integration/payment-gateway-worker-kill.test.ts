// The worker process killed (SIGKILL) after a webhook event is stored and while its apply job is
// claimed, before it is applied: after a restart the event is applied exactly once. A real child
// process runs the real pg-boss worker and handler; it is held at the right point by the advisory
// lock applyPayment takes per gateway payment, which this test holds, so it is killed mid-job.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createPayLink } from "@/lib/billing/gateway/create-pay-link";
import { paySandboxLink } from "@/lib/billing/gateway/sandbox-checkout";
import { prisma } from "@/lib/db/client";
import { getBoss } from "@/lib/jobs/boss";
import { deliverSandboxJobs, gatewayShop, invoiceFor, invoiceState } from "../support/gateway-helpers";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

function startWorker(): Promise<ChildProcess> {
  const root = process.cwd();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "tests/support/apply-worker-child.ts")], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d) => String(d).includes("ready") && resolve(child));
    child.on("exit", (code, signal) => reject(new Error(`worker exited early (${code ?? signal}): ${stderr}`)));
  });
}

async function eventually<T>(fn: () => Promise<T | false | null | undefined>, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("the worker killed between storing an event and applying it", () => {
  it("SIGKILL while the apply job is claimed: nothing half-applied; after a restart each event is applied once and there is one receipt", { timeout: 120_000 }, async () => {
    const shop = await gatewayShop();
    const inv = await invoiceFor(shop, "1180.00");
    const view = await createPayLink(shop.staff, inv.id, {});
    const plink = (await prisma.payLink.findUniqueOrThrow({ where: { id: view.id } })).gatewayLinkId!;
    const paid = await paySandboxLink(plink, { method: "upi", outcome: "succeed" });

    // Hold the lock applyPayment takes for this gateway payment: a worker that claims the job stops there.
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    const lockKey = `gateway-payment:SANDBOX:${paid.paymentId}`;
    await holder.query("SELECT pg_advisory_lock(hashtext($1))", [lockKey]);
    try {
      // The webhooks arrive and are stored, each with its apply job (authorized, captured, link paid).
      expect(await deliverSandboxJobs(shop.account.id)).toBe(3);
      const events = await prisma.webhookEvent.findMany({ where: { accountId: shop.account.id } });
      expect(events.map((e) => e.status)).toEqual(["VERIFIED", "VERIFIED", "VERIFIED"]);

      const worker = await startWorker();
      // The worker has claimed the jobs and is inside the apply, waiting on our lock.
      await eventually(async () => (await prisma.webhookEvent.count({ where: { accountId: shop.account.id, attempts: { gte: 1 } } })) >= 1);
      const blocked = `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND NOT l.granted AND a.application_name <> 'vendor-erp-jobs'`;
      await eventually(async () => (await holder.query(blocked)).rows[0].n >= 1);
      const boss = await getBoss();
      const jobs = (await Promise.all(events.map((e) => boss.findJobs("gateway-event-apply", { data: { eventId: e.id } })))).flat();
      expect(jobs.some((j) => j.state === "active")).toBe(true);

      worker.kill("SIGKILL");
      await new Promise((r) => worker.once("exit", r));
      expect(worker.signalCode).toBe("SIGKILL");
    } finally {
      await holder.query("SELECT pg_advisory_unlock(hashtext($1))", [lockKey]);
      await holder.end();
    }

    // Killed mid-job: its transaction died with it — nothing applied, no attempt, no receipt.
    expect(await prisma.paymentAttempt.count({ where: { companyId: shop.co } })).toBe(0);
    expect(await prisma.payment.count({ where: { companyId: shop.co } })).toBe(0);
    expect((await prisma.webhookEvent.findMany({ where: { accountId: shop.account.id } })).every((e) => e.status === "VERIFIED")).toBe(true);

    // pg-boss hands a claimed job out again once its expiry (120 s for this queue) has passed. Rather than
    // wait two minutes, move the killed claim's start back by that much; the expiry itself is pg-boss's own.
    const ids = (await prisma.webhookEvent.findMany({ where: { accountId: shop.account.id }, select: { id: true } })).map((e) => e.id);
    const moved = await prisma.$executeRaw`UPDATE pgboss.job SET started_on = started_on - interval '10 minutes', start_after = now() WHERE name = 'gateway-event-apply' AND state = 'active' AND data->>'eventId' = ANY(${ids})`;
    expect(moved).toBeGreaterThanOrEqual(1);
    const boss = await getBoss();
    await boss.supervise("gateway-event-apply");
    await prisma.$executeRaw`UPDATE pgboss.job SET start_after = now() WHERE name = 'gateway-event-apply' AND state = 'retry' AND data->>'eventId' = ANY(${ids})`;

    // A fresh worker picks the events up again and applies each once.
    const fresh = await startWorker();
    await eventually(async () => (await prisma.webhookEvent.count({ where: { accountId: shop.account.id, status: "APPLIED" } })) === 3, 60_000);
    fresh.kill("SIGTERM");

    expect(await prisma.payment.count({ where: { companyId: shop.co, kind: "RECEIPT" } })).toBe(1);
    expect(await prisma.payment.count({ where: { companyId: shop.co, gatewayPaymentId: paid.paymentId } })).toBe(1);
    expect(await invoiceState(inv.id)).toEqual({ settled: "1180.00", open: "0.00" });
    expect(await prisma.paymentAttempt.findFirstOrThrow({ where: { gatewayPaymentId: paid.paymentId } })).toMatchObject({ status: "CAPTURED" });
    const after = await prisma.webhookEvent.findMany({ where: { accountId: shop.account.id } });
    expect(after.every((e) => e.status === "APPLIED" && e.appliedAt)).toBe(true);
    // The killed claim counted as an attempt: at least one event was tried twice.
    expect(Math.max(...after.map((e) => e.attempts))).toBeGreaterThanOrEqual(2);
  });
});
