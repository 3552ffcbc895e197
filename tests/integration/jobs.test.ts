import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as failedRoute from "@/app/api/v1/jobs/failed/route";
import * as retryRoute from "@/app/api/v1/jobs/failed/[id]/retry/route";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { deliverEmail, registerEmailProvider } from "@/lib/integrations/messaging/send-email";
import { getBoss } from "@/lib/jobs/boss";
import { listFailedJobs, retryFailedJob } from "@/lib/jobs/dead-letter";
import { startWorkers, stopWorkers } from "@/lib/jobs/worker";
import { notifyOrderEvent } from "@/lib/notifications/notify-order-event";
import { createStaff } from "../support/factories";
import { call } from "../support/http";
import { orderShop, stockedProduct } from "../support/order-factories";

// These tests run the real workers in this process (polling every half second).
afterAll(async () => {
  await stopWorkers();
});

// The suite's test files share one database, and the ones before this file leave their jobs queued
// (no worker runs in them): hundreds of notifications, mails and invoice PDFs, which these workers
// would work through first (40 s of the file, measured). They are not this file's to run: the ones
// queued before it started are dropped before its workers start.
const WAIT_MS = 90_000;
const fileStartedAt = new Date();
beforeAll(async () => {
  await prisma.$executeRaw`DELETE FROM pgboss.job WHERE state = 'created' AND created_on < ${fileStartedAt}`;
});

/** Polls until `check` returns something truthy, or fails after `ms`. */
async function eventually<T>(check: () => Promise<T | null | undefined | false>, ms = WAIT_MS): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 200));
  }
}

function runCrashingChild(input: unknown): Promise<{ signal: NodeJS.Signals | null; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const root = process.cwd();
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "tests/support/crash-after-commit.ts")], {
      cwd: root,
      env: { ...process.env, CRASH_INPUT: JSON.stringify(input), LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe("transactional outbox survives a crash", () => {
  it("a process killed right after committing an order loses no notification; workers send each once, and a rerun sends nothing", { timeout: 3 * WAIT_MS }, async () => {
    const shop = await orderShop();
    const sales = await createStaff(shop.co, "SALES");
    await prisma.notificationSubscription.create({ data: { companyId: shop.co, userId: sales.user.id, event: "order.placed" } });
    const colleague = await prisma.user.create({ data: { email: `colleague-${Date.now()}@test.example`, name: "Shop colleague", kind: "RETAILER" } });
    await prisma.retailerMembership.create({ data: { retailerId: shop.retailer.id, userId: colleague.id } });
    const product = await stockedProduct(shop, 10);

    const child = await runCrashingChild({ actor: shop.retailerActor, vendorCode: shop.company.code, productId: product.id, quantity: "2" });
    expect(child.signal, child.stderr).toBe("SIGKILL");
    const { orderId } = JSON.parse(child.stdout.trim().split("\n").pop()!);

    // Committed: the order, its "placed" event, and the job — which nobody has run yet.
    const event = await prisma.orderEvent.findFirstOrThrow({ where: { orderId, kind: "placed" } });
    const boss = await getBoss();
    const [job] = await boss.findJobs("order-notify", { data: { eventId: event.id } });
    expect(job).toMatchObject({ state: "created" });
    const keys = { dedupeKey: { startsWith: `order-event:${event.id}:` } };
    expect(await prisma.notification.count({ where: keys })).toBe(0);
    expect(await prisma.emailMessage.count({ where: keys })).toBe(0);

    // The app (or `npm run worker`) comes back up: its workers find the job and run it.
    await startWorkers({ pollingIntervalSeconds: 0.5, concurrency: 8 });
    await eventually(async () => (await boss.findJobs("order-notify", { id: job.id }))[0]?.state === "completed");
    const emails = await eventually(async () => {
      const rows = await prisma.emailMessage.findMany({ where: keys });
      return rows.length > 0 && rows.every((e) => e.status === "SENT") && rows;
    });

    // Exactly one of each: in-app for sales, the owner and the retailer's colleague (not for the retailer
    // user who placed it), mail to both retailer users and to sales (subscribed), push to the colleague.
    const notifications = await prisma.notification.findMany({ where: keys });
    expect(notifications.map((n) => n.userId).sort()).toEqual([shop.owner.userId, sales.user.id, colleague.id].sort());
    expect(emails.map((e) => e.to).sort()).toEqual([shop.retailerActor.email, colleague.email, sales.user.email].sort());
    expect((await prisma.messageLog.findMany({ where: keys })).map((m) => [m.channel, m.to])).toEqual([["PUSH", colleague.id]]);
    // A mail row turns SENT inside the job; pg-boss marks the job completed a moment after it returns.
    for (const e of emails) {
      const states = await eventually(async () => {
        const s = (await boss.findJobs("email-deliver", { data: { emailId: e.id } })).map((j) => j.state);
        return s.every((x) => x === "completed") && s;
      });
      expect(states).toEqual(["completed"]);
    }

    // The same job data handled again (a duplicate delivery): nothing new, nothing re-sent.
    expect(await notifyOrderEvent(event.id)).toEqual({ notifications: 0, emails: 0, sms: 0, push: 0 });
    for (const e of emails) expect(await deliverEmail(e.id)).toBe("skipped");
    expect(await prisma.notification.count({ where: keys })).toBe(3);
    expect(await prisma.emailMessage.count({ where: keys })).toBe(3);
    expect(await prisma.messageLog.count({ where: keys })).toBe(1);
    const after = await prisma.emailMessage.findMany({ where: keys });
    expect(after.map((e) => e.sentAt?.getTime()).sort()).toEqual(emails.map((e) => e.sentAt?.getTime()).sort());
  });

  it("two deliveries of one mail at once send it once", async () => {
    let sends = 0;
    registerEmailProvider("counting-test", { send: async () => (sends++, await new Promise((r) => setTimeout(r, 300)), { providerId: `p-${sends}` }) });
    const row = await prisma.emailMessage.create({ data: { to: "twice@test.example", subject: "Once", text: "Once", template: "test", provider: "counting-test" } });
    const results = await Promise.all([deliverEmail(row.id), deliverEmail(row.id), deliverEmail(row.id)]);
    expect(results.filter((r) => r === "sent")).toHaveLength(1);
    expect(sends).toBe(1);
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", providerId: "p-1" });
  });
});

describe("dead letter", () => {
  it("a job that keeps failing lands in its company's dead-letter list; a retry sends it back to its queue", { timeout: 3 * WAIT_MS }, async () => {
    let down = true;
    registerEmailProvider("flaky-test", {
      async send() {
        if (down) throw new Error("SMTP relay refused the connection");
        return { providerId: "relay-1" };
      },
    });
    const shop = await orderShop();
    const other = await orderShop();
    const accountant = await createStaff(shop.co, "ACCOUNTANT");
    const sales = await createStaff(shop.co, "SALES");
    // A mail of this company for the failing relay, with a short-fused delivery job: one retry, no
    // delay (the queue's own policy, 5 retries with backoff, would take minutes).
    const { id: emailId } = await prisma.emailMessage.create({ data: { to: "buyer@test.example", subject: "Your statement", text: "…", template: "test", companyId: shop.co, provider: "flaky-test" } });
    const boss = await getBoss();
    await boss.send("email-deliver", { emailId }, { retryLimit: 1, retryDelay: 0, retryBackoff: false, priority: 10 });
    await startWorkers({ pollingIntervalSeconds: 0.5, concurrency: 8 });

    const failed = await eventually(async () => (await listFailedJobs(shop.staff)).find((j) => j.description.includes("Your statement")));
    expect(failed).toMatchObject({ queue: "email-deliver", queueLabel: "Email delivery", description: "Email to buyer@test.example — Your statement", lastError: "SMTP relay refused the connection", attempts: 2 });
    // Marked FAILED only now that its retries are used up.
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({ status: "FAILED", error: "SMTP relay refused the connection" });

    // Visible to those who look after the company (owner, accountant), to nobody else.
    expect((await listFailedJobs(accountant.ctx)).map((j) => j.id)).toContain(failed.id);
    expect((await listFailedJobs(other.staff)).map((j) => j.id)).not.toContain(failed.id);
    await expect(retryFailedJob(other.staff, failed.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(listFailedJobs(sales.ctx)).rejects.toMatchObject({ code: "forbidden" });
    await expect(retryFailedJob(shop.shopper, failed.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(retryFailedJob(shop.staff, "not-a-job")).rejects.toMatchObject({ code: "not_found" });

    // Over REST too.
    const token = (await issueTokenPair(prisma, shop.owner)).accessToken;
    const listed = await call(failedRoute.GET, { path: "/api/v1/jobs/failed", token });
    expect(listed.status).toBe(200);
    expect(listed.json.data.map((j: { id: string }) => j.id)).toContain(failed.id);

    // The relay is fixed; a person retries: the mail goes back to QUEUED, a fresh job delivers it.
    down = false;
    const retried = await call(retryRoute.POST, { method: "POST", path: `/api/v1/jobs/failed/${failed.id}/retry`, token, params: { id: failed.id } });
    expect(retried.status).toBe(200);
    expect(retried.json).toEqual({ id: failed.id, queue: "email-deliver" });
    expect((await listFailedJobs(shop.staff)).map((j) => j.id)).not.toContain(failed.id);
    await eventually(async () => (await prisma.emailMessage.findUniqueOrThrow({ where: { id: emailId } })).status === "SENT");
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({ status: "SENT", providerId: "relay-1", error: null });
    expect(await prisma.auditLog.count({ where: { companyId: shop.co, action: "job.retry", entityId: failed.id } })).toBe(1);
    // Once retried it is gone from the list; retrying again is not found.
    await expect(retryFailedJob(shop.staff, failed.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
