// The jobs every placed order leaves behind: for EVENTS fresh "placed" events, "order-notify"
// (notifyOrderEvent) as the job workers run it (CONCURRENCY at once, JOBS_CONCURRENCY's default 4),
// then "email-deliver" (deliverEmail, the local outbox provider) for every mail it queued — each
// phase's rate, latency and the CPU it costs per job in this process and in PostgreSQL.
//
// Data (company BNNT, built once): 6 staff (owner, admin, manager, two sales, warehouse), two of them
// subscribed to "order.placed" by email; 100 retailers with two active users each and a phone. Each event
// is a portal order placed by one of its retailer's users, so it writes 5 in-app notices for the staff
// who handle orders (all but the warehouse) and 1 for the other retailer user, 4 mails (2 retailer
// users, 2 subscribed staff) with their delivery jobs, and a push to the other retailer user.
//
//   npx tsx --conditions=react-server bench/notify.ts
// Env: BENCH_DATABASE_URL / DATABASE_URL (else embedded), EVENTS (1000), CONCURRENCY (4), RESULTS_NAME.
import { cpus } from "node:os";
import pg from "pg";
import { describeUrl, openBenchDb } from "./lib/db";
import { machineCpuMs, procCpuMs, procCpuSince } from "./lib/http";
import { round } from "./lib/load";
import { machineInfo, summarize, table, writeResults } from "./lib/stats";

const EVENTS = Number(process.env.EVENTS ?? 1000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
const CO = "bench_company_notify";
const RETAILERS = 100;
const STAFF = ["OWNER", "ADMIN", "MANAGER", "SALES", "SALES", "WAREHOUSE"] as const;

async function main() {
  const db = await openBenchDb();
  process.env.DATABASE_URL = db.url;
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  const { notifyOrderEvent } = await import("../lib/notifications/notify-order-event");
  const { deliverEmail } = await import("../lib/integrations/messaging/send-email");
  const { disconnect } = await import("../lib/db/client");
  try {
    console.log(`bench db: ${describeUrl(db.url)}${db.embedded ? " (embedded)" : ""}`);
    await ensureData(admin);
    const eventIds = await freshEvents(admin, EVENTS);
    const dbLocal = db.embedded || ["localhost", "127.0.0.1"].includes(new URL(db.url).hostname);
    const isPostgres = (p: { comm: string }) => p.comm === "postgres";

    // Warm-up: the first events pay for connections, JIT and the statements' first plans.
    const warm = await freshEvents(admin, 50);
    for (const id of warm) await notifyOrderEvent(id);

    const counts = { notifications: 0, emails: 0, sms: 0, push: 0 };
    const notify = await measure(eventIds, async (id) => {
      const r = await notifyOrderEvent(id);
      for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += r[k];
    });
    const { rows: mails } = await admin.query<{ id: string }>(`SELECT id FROM "EmailMessage" WHERE "dedupeKey" LIKE ANY($1::text[]) AND status = 'QUEUED'`, [eventIds.map((id) => `order-event:${id}:%`)]);
    let delivered = 0;
    const deliver = await measure(
      mails.map((m) => m.id),
      async (id) => void ((await deliverEmail(id)) === "sent" && delivered++),
    );
    const result = { events: EVENTS, concurrency: CONCURRENCY, notify, written: counts, deliver: { ...deliver, mails: mails.length, delivered } };
    console.log(
      table(
        ["job", "jobs", "conc", "jobs/s", "p50 ms", "p95 ms", "p99 ms", "app CPU ms/job", "db CPU ms/job", "cores busy"],
        [
          ["order-notify", EVENTS, CONCURRENCY, notify.perSec.toFixed(1), notify.latencyMs.p50.toFixed(1), notify.latencyMs.p95.toFixed(1), notify.latencyMs.p99.toFixed(1), notify.appCpuMs.toFixed(2), notify.dbCpuMs?.toFixed(2) ?? "", notify.machineBusyCores],
          ["email-deliver", mails.length, CONCURRENCY, deliver.perSec.toFixed(1), deliver.latencyMs.p50.toFixed(1), deliver.latencyMs.p95.toFixed(1), deliver.latencyMs.p99.toFixed(1), deliver.appCpuMs.toFixed(2), deliver.dbCpuMs?.toFixed(2) ?? "", deliver.machineBusyCores],
        ],
      ),
    );
    console.log(`written per run: ${counts.notifications} in-app notices, ${counts.emails} mails (${delivered} delivered), ${counts.push} pushes`);

    /** Runs `job` for every id, CONCURRENCY at a time: rate, latency, CPU per job. */
    async function measure(ids: string[], job: (id: string) => Promise<void>) {
      const latencies: number[] = [];
      const [db0, cpu0, machine0] = [dbLocal ? procCpuMs(isPostgres) : null, process.cpuUsage(), machineCpuMs()];
      const t0 = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < ids.length) {
            const id = ids[next++];
            const s = performance.now();
            await job(id);
            latencies.push(performance.now() - s);
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const dbMs = db0 && procCpuSince(db0, isPostgres);
      const machine1 = machineCpuMs();
      return {
        seconds: round(seconds),
        perSec: round(ids.length / seconds),
        latencyMs: summarize(latencies),
        appCpuMs: round((cpu.user + cpu.system) / 1000 / ids.length),
        dbCpuMs: dbMs === null ? null : round(dbMs / ids.length),
        machineBusyCores: round(((machine1.busy - machine0.busy) / (machine1.all - machine0.all)) * cpus().length),
      };
    }
    const expected = { notifications: EVENTS * 6, emails: EVENTS * 4, push: EVENTS };
    const ok = counts.notifications === expected.notifications && counts.emails === expected.emails && counts.push === expected.push && delivered === expected.emails;
    if (!ok) console.log(`written ${JSON.stringify(counts)}, expected ${JSON.stringify(expected)}`);
    const file = writeResults(process.env.RESULTS_NAME ?? "notify", { at: new Date().toISOString(), machine: await machineInfo((sql) => admin.query(sql)), database: { url: describeUrl(db.url), embedded: db.embedded }, result, expected, ok });
    console.log(`written: ${file}`);
    if (!ok) process.exitCode = 2;
  } finally {
    const { stopBoss } = await import("../lib/jobs/boss");
    await stopBoss();
    await disconnect();
    await admin.end();
    await db.stop();
  }
}

/** Company, staff, subscriptions, retailers with two users each, a warehouse: once. */
async function ensureData(c: pg.Client) {
  const { rows } = await c.query(`SELECT 1 FROM "Company" WHERE id = $1`, [CO]);
  if (rows.length) return;
  await c.query("BEGIN");
  await c.query(
    `INSERT INTO "Company" (id, code, "legalName", "tradeName", "stateCode", "addressLine1", city, pincode, "updatedAt")
     VALUES ($1, 'BNNT', 'Bench Notify Distributors Pvt. Ltd.', 'Bench Notify', '27', 'Plot 12, Wagle Estate', 'Thane', '400604', now())`,
    [CO],
  );
  await c.query(`INSERT INTO "Warehouse" (id, "companyId", code, name, city, "stateCode", pincode, "isDefault", "updatedAt") VALUES ('bench_wh_notify', $1, 'MAIN', 'Thane godown', 'Thane', '27', '400604', true, now())`, [CO]);
  for (const [i, role] of STAFF.entries()) {
    await c.query(`INSERT INTO "User" (id, email, name, kind, "updatedAt") VALUES ($1, $2, $3, 'STAFF', now())`, [`bench_nstaff_${i}`, `staff${i}@bench-notify.example`, `Staff ${i} (${role})`]);
    await c.query(`INSERT INTO "Membership" (id, "companyId", "userId", role, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [`bench_nmem_${i}`, CO, `bench_nstaff_${i}`, role]);
  }
  await c.query(`INSERT INTO "NotificationSubscription" (id, "companyId", "userId", event, email) VALUES ('bench_nsub_0', $1, 'bench_nstaff_0', 'order.placed', true), ('bench_nsub_1', $1, 'bench_nstaff_3', 'order.placed', true)`, [CO]);
  await c.query(
    `INSERT INTO "Retailer" (id, "legalName", "tradeName", phone, "stateCode", "addressLine1", city, pincode, "updatedAt")
     SELECT 'bench_nret_' || i, 'Bench Kirana ' || i || ' LLP', 'Kirana ' || i, '98200' || lpad(i::text, 5, '0'), '27', 'Shop ' || i || ', Gokhale Road', 'Thane', '400602', now()
     FROM generate_series(1, $1) i`,
    [RETAILERS],
  );
  await c.query(
    `INSERT INTO "User" (id, email, name, kind, "updatedAt")
     SELECT 'bench_nru_' || i || '_' || k, 'r' || i || '-' || k || '@bench-notify.example', 'Retail user ' || i || '-' || k, 'RETAILER', now() FROM generate_series(1, $1) i, generate_series(1, 2) k`,
    [RETAILERS],
  );
  await c.query(
    `INSERT INTO "RetailerMembership" (id, "retailerId", "userId", role)
     SELECT 'bench_nrm_' || i || '_' || k, 'bench_nret_' || i, 'bench_nru_' || i || '_' || k, CASE WHEN k = 1 THEN 'OWNER' ELSE 'STAFF' END::"RetailerRole" FROM generate_series(1, $1) i, generate_series(1, 2) k`,
    [RETAILERS],
  );
  await c.query(
    `INSERT INTO "Connection" (id, "companyId", "retailerId", status, "customerCode", "placeOfSupply", "activatedAt", "updatedAt")
     SELECT 'bench_nconn_' || i, $1, 'bench_nret_' || i, 'ACTIVE', 'NT-' || i, '27', now(), now() FROM generate_series(1, $2) i`,
    [CO, RETAILERS],
  );
  await c.query("COMMIT");
  await c.query(`ANALYZE "User", "Membership", "RetailerMembership", "Retailer", "Connection", "NotificationSubscription"`);
}

/** `n` portal orders with their "placed" events, each by its retailer's first user: ids of the events. */
async function freshEvents(c: pg.Client, n: number): Promise<string[]> {
  const run = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  await c.query(
    `INSERT INTO "Order" (id, "companyId", number, "connectionId", "retailerId", "warehouseId", status, source, "supplierStateCode", "placeOfSupply",
                          "shippingName", "shippingLine1", "shippingCity", "shippingStateCode", "shippingPincode", "taxableTotal", "cgstTotal", "sgstTotal", "grandTotal",
                          "placedAt", "createdAt", "updatedAt")
     SELECT 'bench_nord_' || $2 || '_' || i, $1, 'SO/NT/' || $2 || '/' || i, 'bench_nconn_' || r, 'bench_nret_' || r, 'bench_wh_notify', 'PLACED', 'PORTAL', '27', '27',
            'Kirana ' || r, 'Shop ' || r, 'Thane', '27', '400602', 1000, 90, 90, 1180, now(), now(), now()
     FROM generate_series(1, $3) i, LATERAL (SELECT 1 + i % $4 AS r) x`,
    [CO, run, n, RETAILERS],
  );
  const { rows } = await c.query<{ id: string }>(
    `INSERT INTO "OrderEvent" (id, "orderId", "companyId", kind, "toStatus", "actorUserId", "actorName", data, "createdAt")
     SELECT 'bench_nev_' || $2 || '_' || i, 'bench_nord_' || $2 || '_' || i, $1, 'placed', 'PLACED', 'bench_nru_' || r || '_1', 'Retail user ' || r || '-1',
            jsonb_build_object('number', 'SO/NT/' || $2 || '/' || i, 'grandTotal', '1180.00', 'lines', 3), now()
     FROM generate_series(1, $3) i, LATERAL (SELECT 1 + i % $4 AS r) x
     RETURNING id`,
    [CO, run, n, RETAILERS],
  );
  return rows.map((r) => r.id);
}

main().catch((err) => {
  console.error("bench failed:", err);
  process.exit(1);
});
