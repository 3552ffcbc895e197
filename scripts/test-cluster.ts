// npm run test:cluster — starts `npm run cluster` on a fresh directory (.data/cluster-test) and drives it:
//   1. 50 parallel orders for the last 20 units, sent to both app instances → exactly 20 placed
//   2. reports read the replica, and the replica's lag is shown by /api/ready
//   3. a job worker killed (SIGKILL) in the middle of a job → the other worker finishes it, once
//   4. an app instance killed under load → requests continue on the other, no order lost or doubled
// then stops the cluster (as Ctrl-C does) and prints the time of each step.
// Ports: TEST_CLUSTER_PORT (3250: nginx, +1, +2 the apps) and TEST_CLUSTER_PG_PORT (5445: primary,
// +1 replica, +2 PgBouncer). Keep the directory afterwards with TEST_CLUSTER_KEEP=1.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PgBoss } from "pg-boss";

const root = process.cwd();
const dir = path.join(root, ".data", "cluster-test");
const port = Number(process.env.TEST_CLUSTER_PORT ?? 3250);
const pgPort = Number(process.env.TEST_CLUSTER_PG_PORT ?? 5445);
const t0 = performance.now();
const timings: [string, number][] = [];
let mark = performance.now();
const step = (name: string) => {
  const now = performance.now();
  timings.push([name, (now - mark) / 1000]);
  console.log(`test:cluster: ✓ ${name} (${((now - mark) / 1000).toFixed(1)} s)`);
  mark = now;
};

type ClusterInfo = { url: string; ports: { nginx: number; apps: number[] }; urls: { direct: string; replica: string; bouncer: string }; pids: Record<string, number> };

rmSync(dir, { recursive: true, force: true });
const cluster = spawn(process.execPath, ["--import", "tsx", "scripts/cluster.ts"], {
  cwd: root,
  env: {
    ...process.env,
    CLUSTER_DIR: dir,
    PORT: String(port),
    CLUSTER_PG_PORT: String(pgPort),
    LOG_LEVEL: "warn",
    // Short enough for a test: a claim whose instance died is taken over after 5 s, and a job whose
    // worker died is looked for every 2 s (production: 60 s and 60 s).
    IDEMPOTENCY_LEASE_SECONDS: "5",
    JOBS_SUPERVISE_SECONDS: "2",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
let clusterOut = "";
cluster.stdout!.on("data", (d: Buffer) => {
  clusterOut += d;
  process.stdout.write(d);
});
const clusterExit = new Promise<number | null>((r) => cluster.on("exit", (code) => r(code)));
let failed = false;

try {
  const info = await waitForCluster();
  step("cluster started (fresh: initdb, base backup, migrations, 2 apps, 2 workers, PgBouncer, nginx)");
  // The fixtures are written with the app's own domain functions, through PgBouncer like the apps.
  Object.assign(process.env, {
    DATABASE_URL: info.urls.bouncer,
    DATABASE_POOLER: "pgbouncer",
    DATABASE_DIRECT_URL: info.urls.direct,
    AUTH_SECRET: readFileSync(path.join(dir, "auth-secret"), "utf8").trim(),
    LOG_LEVEL: "silent",
  });
  const { orderShop, stockedProduct } = await import("../tests/support/order-factories");
  const { issueTokenPair } = await import("../lib/auth/tokens");
  const { prisma, disconnect } = await import("../lib/db/client");
  const shop = await orderShop();
  const { accessToken } = await issueTokenPair(prisma, shop.owner);
  const auth = { authorization: `Bearer ${accessToken}`, "content-type": "application/json" };
  const direct = new pg.Client({ connectionString: info.urls.direct });
  const replica = new pg.Client({ connectionString: info.urls.replica });
  await direct.connect();
  await replica.connect();

  try {
    // 1. The last 20 units, 50 buyers at once, half through each instance.
    const scarce = await stockedProduct(shop, 20);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`http://127.0.0.1:${info.ports.apps[i % 2]}/api/v1/orders`, {
          method: "POST",
          headers: { ...auth, "idempotency-key": randomUUID() },
          body: JSON.stringify({ connectionId: shop.connection.id, lines: [{ productId: scarce.id, quantity: "1" }] }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code?: string } })),
      ),
    );
    const placed = answers.filter((a) => a.status === 201).length;
    const refused = answers.filter((a) => a.status === 409 && a.body.code === "insufficient_stock").length;
    assert.equal(placed, 20, `expected 20 orders placed, got ${placed}: ${JSON.stringify(answers.filter((a) => a.status !== 201).slice(0, 3))}`);
    assert.equal(refused, 30, `the 30 others must be refused for stock: ${JSON.stringify(answers.map((a) => a.status))}`);
    const { rows: lines } = await direct.query(`SELECT count(*)::int AS n FROM "OrderLine" WHERE "productId" = $1`, [scarce.id]);
    const { rows: level } = await direct.query(`SELECT "onHand"::text, "reserved"::text FROM "StockLevel" WHERE "productId" = $1`, [scarce.id]);
    assert.equal(lines[0].n, 20);
    assert.equal(Number(level[0].reserved), 20, `reserved ${level[0].reserved} of ${level[0].onHand}`);
    step("50 parallel orders for the last 20 units through both instances: 20 placed, 30 refused, 20 reserved");

    // 2. Writes reach the replica; reports read it; /api/ready shows its lag.
    await eventually(async () => (await replica.query(`SELECT count(*)::int AS n FROM "OrderLine" WHERE "productId" = $1`, [scarce.id])).rows[0].n === 20, "the orders on the replica");
    // Scans of the stock table counted by the replica itself (this test never reads that table there).
    const readsOnReplica = async () => Number((await replica.query(`SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) AS n FROM pg_stat_user_tables WHERE relname = 'StockLevel'`)).rows[0].n);
    const before = await readsOnReplica();
    // The first report asks the replica's lag (in the background); the next ones read it.
    for (let i = 0; i < 6; i++) {
      const r = await fetch(`${info.url}/api/v1/reports/stock/valuation`, { headers: auth });
      assert.equal(r.status, 200, `stock valuation report: ${r.status}`);
      await sleep(300);
    }
    await eventually(async () => (await readsOnReplica()) > before, "report reads on the replica (pg_stat_user_tables of StockLevel)");
    const ready = (await (await fetch(`${info.url}/api/ready`)).json()) as { status: string; replica: { status: string; lagSeconds: number | null } };
    assert.equal(ready.status, "ready");
    assert.equal(ready.replica.status, "ok", JSON.stringify(ready));
    assert.equal(typeof ready.replica.lagSeconds, "number");
    step(`replica: orders replicated, reports read it, /api/ready shows lag ${ready.replica.lagSeconds} s`);

    // 3. A worker killed in the middle of a job. The job (a database backup) is held mid-way by a lock
    // this test takes on one table; worker 2 is paused so worker 1 takes it.
    process.kill(info.pids.worker2, "SIGSTOP");
    const lock = new pg.Client({ connectionString: info.urls.direct });
    await lock.connect();
    await lock.query(`BEGIN; LOCK TABLE "IrpSandboxKey" IN ACCESS EXCLUSIVE MODE`);
    const sentAt = new Date();
    const boss = new PgBoss({ connectionString: info.urls.direct, schema: "pgboss", max: 1, supervise: false, schedule: false });
    await boss.start();
    // A heartbeat of 10 s (pg-boss's minimum) instead of the queue's 30 s, and a retry at once.
    const jobId = await boss.send("database-backup", {}, { heartbeatSeconds: 10, retryDelay: 1, retryBackoff: false, retryLimit: 2 });
    await eventually(async () => (await direct.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'vendor-erp-backup' AND wait_event_type = 'Lock'`)).rowCount! > 0, "worker 1 inside the backup job", 60_000);
    process.kill(info.pids.worker1, "SIGKILL");
    await sleep(300);
    await lock.query("ROLLBACK");
    await lock.end();
    process.kill(info.pids.worker2, "SIGCONT");
    const job = await eventually(async () => {
      const j = await boss.getJobById("database-backup", jobId!);
      return j?.state === "completed" ? j : null;
    }, "the job completed by worker 2", 90_000);
    await boss.stop({ graceful: false });
    const { rows: runs } = await direct.query(`SELECT status, trigger FROM "BackupRun" WHERE "startedAt" >= $1`, [sentAt]);
    assert.deepEqual(runs, [{ status: "SUCCEEDED", trigger: "schedule" }], `one backup run: ${JSON.stringify(runs)}`);
    assert.equal(job.retryCount, 1, "retried once after the killed attempt");
    step("worker 1 killed mid-job: worker 2 finished it once (one backup run, one retry)");

    // 4. App instance 1 killed under load, through nginx: every order placed once, every read answered.
    const plenty = await stockedProduct(shop, 10_000);
    const keys: string[] = [];
    const stats = { orders: 0, retried: 0, committed: 0, reads: 0, readErrors: 0, firstAnswers: new Map<number, number>() };
    let killed = false;
    const clients = Array.from({ length: 6 }, async (_, c) => {
      for (let i = 0; i < 12; i++) {
        const key = `kill-${c}-${i}-${randomUUID()}`;
        keys.push(key);
        await placeUntilAnswered(info.url, auth, key, { connectionId: shop.connection.id, lines: [{ productId: plenty.id, quantity: "1" }] }, stats);
        const r = await fetch(`${info.url}/api/v1/orders?limit=5`, { headers: auth }).catch(() => null);
        stats.reads++;
        if (!r || r.status !== 200) stats.readErrors++;
      }
    });
    // Orders in flight on instance 1 when it dies: sent to it directly, cut off by the kill, and retried
    // by their clients through nginx with the same Idempotency-Key.
    const cutOff: Promise<void>[] = [];
    const killer = (async () => {
      await eventually(async () => stats.orders >= 15, "load under way");
      for (let i = 0; i < 8; i++) {
        const key = `cut-${i}-${randomUUID()}`;
        keys.push(key);
        cutOff.push(placeUntilAnswered(`http://127.0.0.1:${info.ports.apps[0]}`, auth, key, { connectionId: shop.connection.id, lines: [{ productId: plenty.id, quantity: "1" }] }, stats, info.url));
      }
      await sleep(150);
      process.kill(info.pids.app1, "SIGKILL");
      killed = true;
    })();
    await Promise.all([...clients, killer]);
    await Promise.all(cutOff);
    assert.ok(killed);
    const { rows: placedUnderLoad } = await direct.query(`SELECT count(*)::int AS n FROM "OrderLine" WHERE "productId" = $1`, [plenty.id]);
    assert.equal(stats.orders, keys.length);
    assert.equal(placedUnderLoad[0].n, keys.length, `orders in the database ${placedUnderLoad[0].n} for ${keys.length} keys (lost or doubled)`);
    assert.equal(stats.readErrors, 0, `${stats.readErrors} reads failed`);
    const ready2 = await fetch(`${info.url}/api/ready`);
    assert.equal(ready2.status, 200);
    const first = [...stats.firstAnswers].map(([k, v]) => `${v}× ${k || "no answer"}`).join(", ");
    step(`app 1 killed under load: ${keys.length} orders placed once each (first answers ${first}; ${stats.retried} retried with their key, ${stats.committed} of them answered with the order the dead instance had committed), ${stats.reads} reads all answered`);
  } finally {
    await direct.end().catch(() => {});
    await replica.end().catch(() => {});
    await disconnect();
  }
} catch (err) {
  failed = true;
  console.error(`test:cluster: ✗ ${(err as Error).stack ?? err}`);
  console.error(`  logs in ${path.relative(root, path.join(dir, "logs"))}`);
}

// Stop the cluster as Ctrl-C does, and check it stops cleanly.
cluster.kill("SIGINT");
const code = await clusterExit;
if (!failed) {
  if (code !== 0 && code !== null) {
    failed = true;
    console.error(`test:cluster: ✗ the cluster did not stop cleanly (exit ${code})`);
  } else step("cluster stopped cleanly");
}
console.log(`test:cluster: ${failed ? "FAILED" : "passed"} in ${((performance.now() - t0) / 1000).toFixed(1)} s (load: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")})`);
if (!failed && !process.env.TEST_CLUSTER_KEEP) rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);

/** POSTs an order until it has an answer, retrying with the same key as a client would after a lost connection. */
async function placeUntilAnswered(url: string, headers: Record<string, string>, key: string, body: unknown, stats: { orders: number; retried: number; committed: number; firstAnswers: Map<number, number> }, retryUrl = url) {
  const until = Date.now() + 60_000;
  for (let attempt = 0; ; attempt++) {
    const r = await fetch(`${attempt === 0 ? url : retryUrl}/api/v1/orders`, { method: "POST", headers: { ...headers, "idempotency-key": key }, body: JSON.stringify(body) }).then(
      async (res) => ({ status: res.status, code: ((await res.json().catch(() => ({}))) as { code?: string }).code, replayed: res.headers.get("idempotent-replayed") }),
      () => ({ status: 0, code: "network", replayed: null }),
    );
    if (attempt === 0) stats.firstAnswers.set(r.status, (stats.firstAnswers.get(r.status) ?? 0) + 1);
    if (r.status === 201) {
      stats.orders++;
      if (attempt > 0) stats.retried++;
      // The dead instance had committed the order but not stored its answer: the retry got that order.
      if (r.replayed === "committed") stats.committed++;
      return;
    }
    // Lost with its instance (502/504/network) or still claimed by the dead instance (409 conflict).
    const retryable = r.status === 0 || r.status >= 502 || (r.status === 409 && r.code === "conflict");
    if (!retryable || Date.now() > until) throw new Error(`order ${key}: ${r.status} ${r.code ?? ""}`);
    await sleep(500);
  }
}

async function waitForCluster(): Promise<ClusterInfo> {
  const file = path.join(dir, "cluster.json");
  const until = Date.now() + 600_000;
  while (!existsSync(file)) {
    if (cluster.exitCode !== null) throw new Error(`the cluster exited (${cluster.exitCode}) before it was ready`);
    if (Date.now() > until) throw new Error("the cluster did not start within 10 minutes");
    await sleep(250);
  }
  void clusterOut;
  return JSON.parse(readFileSync(file, "utf8")) as ClusterInfo;
}

async function eventually<T>(fn: () => Promise<T | false | null | undefined>, what: string, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

export type { ChildProcess };
