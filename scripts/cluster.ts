// npm run cluster — the scale-out topology on one machine, from Debian's packages:
//
//   nginx :PORT ──► app 1 :PORT+1 ─┐                       ┌─► PostgreSQL primary :PG_PORT
//             └──► app 2 :PORT+2 ─┼─► PgBouncer :PG_PORT+2 ┘        │ streaming replication
//   worker 1, worker 2 ───────────┘ (jobs, migrations, backups: primary direct)
//   reports and exports ────────────────────────────────────► PostgreSQL replica :PG_PORT+1
//
// Data under .data/cluster (CLUSTER_DIR), kept between runs. Ctrl-C (or SIGTERM) stops everything in
// order: nginx, the apps, the workers (running jobs finish), PgBouncer, the replica, the primary.
// As root the servers run as the `postgres` OS user; missing packages are installed with apt-get.
// The running processes are described in <CLUSTER_DIR>/cluster.json (used by npm run test:cluster).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

const root = process.cwd();
const dir = path.resolve(process.env.CLUSTER_DIR ?? path.join(root, ".data", "cluster"));
const port = Number(process.env.PORT ?? 3000);
const pgPort = Number(process.env.CLUSTER_PG_PORT ?? 5441);
const ports = { nginx: port, apps: [port + 1, port + 2], primary: pgPort, replica: pgPort + 1, bouncer: pgPort + 2 };
const DB = "vendor_erp";
const t0 = performance.now();

type Proc = { name: string; child: ChildProcess; stopSignal: NodeJS.Signals; expected?: boolean };
const procs: Proc[] = [];
/** Setup steps running now (initdb, base backup, migrations, build): ended first on Ctrl-C. */
const steps = new Set<ChildProcess>();
let stopping = false;

const asRoot = process.getuid?.() === 0;
const pgUser = asRoot ? lookupUser("postgres") : null;
const runAs = pgUser ? { uid: pgUser.uid, gid: pgUser.gid } : {};

process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  await main();
} catch (err) {
  console.error(`cluster: ${(err as Error).message}`);
  await stop(1);
}

async function main() {
  for (const d of ["", "run", "logs", "nginx"]) mkdirSync(path.join(dir, d), { recursive: true });
  const bin = await ensurePackages();
  if (pgUser) for (const d of ["", "run", "logs", "nginx"]) chownSync(path.join(dir, d), pgUser.uid, pgUser.gid);
  const password = secret("db-password", 24);
  const authSecret = secret("auth-secret", 48);
  const q = encodeURIComponent(password);
  const url = (p: number) => `postgresql://postgres:${q}@127.0.0.1:${p}/${DB}`;
  const urls = { direct: url(ports.primary), replica: url(ports.replica), bouncer: url(ports.bouncer) };

  // 1. The primary.
  const primaryDir = path.join(dir, "primary");
  if (!existsSync(path.join(primaryDir, "PG_VERSION"))) await initPrimary(bin, primaryDir, password);
  await startPostgres(bin, "primary", primaryDir, ports.primary);
  await ensureDatabase(url(ports.primary).replace(`/${DB}`, "/postgres"));

  // 2. The replica: a base backup of the primary streaming from a replication slot.
  const replicaDir = path.join(dir, "replica");
  if (!existsSync(path.join(replicaDir, "PG_VERSION"))) {
    rmSync(replicaDir, { recursive: true, force: true });
    log("replica: taking a base backup of the primary");
    await dropSlot(url(ports.primary).replace(`/${DB}`, "/postgres"), "replica1");
    await run(path.join(bin, "pg_basebackup"), ["-d", `host=127.0.0.1 port=${ports.primary} user=postgres password=${password} application_name=replica1`, "-D", replicaDir, "-R", "-X", "stream", "-c", "fast", "-C", "-S", "replica1"], runAs);
    chmodSync(replicaDir, 0o700);
  }
  await startPostgres(bin, "replica", replicaDir, ports.replica);

  // 3. Migrations and the job schema, on the primary directly (they take a session advisory lock).
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: urls.bouncer,
    DATABASE_POOLER: "pgbouncer",
    DATABASE_DIRECT_URL: urls.direct,
    DATABASE_REPLICA_URL: urls.replica,
    AUTH_SECRET: process.env.AUTH_SECRET ?? authSecret,
    AUTH_TRUST_HOST: "true",
    APP_URL: process.env.APP_URL ?? `http://localhost:${ports.nginx}`,
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? "127.0.0.1,::1",
    JOBS_WORKER: "off",
    // One process per instance: the topology is the two instances (scripts/serve.ts would otherwise fork one per core each).
    WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? "1",
    BACKUP_DIR: process.env.BACKUP_DIR ?? path.join(dir, "backups"),
  };
  delete appEnv.PORT;
  log("migrating the primary");
  await run(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], {}, { ...appEnv, DATABASE_URL: urls.direct });
  if (process.env.CLUSTER_SEED === "1" || process.argv.includes("--seed")) {
    log("loading demo data");
    // As `npm run db:seed` runs it (not a production process: the demo's sandboxes are set up too).
    await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"], {}, { ...appEnv, NODE_ENV: "development", DATABASE_URL: urls.direct });
  }

  // 4. PgBouncer in transaction mode in front of the primary.
  const bouncerDir = path.join(dir, "pgbouncer");
  mkdirSync(bouncerDir, { recursive: true });
  writeFileSync(path.join(bouncerDir, "userlist.txt"), `"postgres" "${password}"\n`, { mode: 0o600 });
  writeFileSync(path.join(bouncerDir, "pgbouncer.ini"), pgbouncerIni(bouncerDir));
  if (pgUser) for (const f of ["", "userlist.txt", "pgbouncer.ini"]) chownSync(path.join(bouncerDir, f), pgUser.uid, pgUser.gid);
  spawnProc("pgbouncer", "/usr/sbin/pgbouncer", [path.join(bouncerDir, "pgbouncer.ini")], runAs, process.env, "SIGINT");
  await waitForPort(ports.bouncer, "pgbouncer");

  // 5. The app, built once (a production build), as two instances; and two job workers.
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || process.env.FORCE_BUILD) {
    log("building the app (next build)…");
    await run(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {}, appEnv);
  }
  ports.apps.forEach((p, i) => spawnProc(`app${i + 1}`, process.execPath, ["--import", "tsx", "scripts/serve.ts", "-p", String(p), "-H", "127.0.0.1"], {}, { ...appEnv, HOSTNAME: `app${i + 1}` }, "SIGTERM"));
  for (const i of [1, 2]) spawnProc(`worker${i}`, process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {}, appEnv, "SIGTERM");
  await Promise.all(ports.apps.map((p, i) => waitForHttp(`http://127.0.0.1:${p}/api/health`, `app${i + 1}`)));

  // 6. nginx in front of both.
  const nginxDir = path.join(dir, "nginx");
  writeFileSync(path.join(nginxDir, "nginx.conf"), nginxConf(nginxDir));
  spawnProc("nginx", "/usr/sbin/nginx", ["-p", nginxDir, "-c", path.join(nginxDir, "nginx.conf"), "-e", path.join(dir, "logs", "nginx-error.log"), "-g", "daemon off;"], runAs, process.env, "SIGQUIT");
  await waitForHttp(`http://127.0.0.1:${ports.nginx}/api/ready`, "nginx");

  writeFileSync(
    path.join(dir, "cluster.json"),
    JSON.stringify({ url: `http://127.0.0.1:${ports.nginx}`, ports, urls, pids: Object.fromEntries(procs.map((p) => [p.name, p.child.pid])), orchestrator: process.pid }, null, 2),
    { mode: 0o600 },
  );
  console.log(
    [
      "",
      `  Vendor ERP cluster is running:  http://localhost:${ports.nginx}   (ready in ${((performance.now() - t0) / 1000).toFixed(1)}s)`,
      `    nginx :${ports.nginx} → app1 :${ports.apps[0]}, app2 :${ports.apps[1]}; worker1, worker2`,
      `    PgBouncer (transaction mode) :${ports.bouncer} → primary :${ports.primary}; streaming replica :${ports.replica}`,
      `    data and logs in ${path.relative(root, dir) || dir}; database password in ${path.join(path.relative(root, dir), "db-password")}`,
      "  Stop with Ctrl-C.",
      "",
    ].join("\n"),
  );
}

// ——— PostgreSQL ———

async function initPrimary(bin: string, dataDir: string, password: string) {
  log("primary: initdb");
  rmSync(dataDir, { recursive: true, force: true });
  const pwfile = path.join(dir, "run", "pwfile");
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (pgUser) chownSync(pwfile, pgUser.uid, pgUser.gid);
  await run(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "--pwfile", pwfile, "--auth-local=peer", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"], runAs);
  rmSync(pwfile);
  // Durable as the single-server default (fsync, synchronous_commit, full_page_writes stay on), WAL
  // for one streaming replica, JIT off (PgBouncer cannot pass the app's `-c jit=off` startup option).
  const conf = [
    "listen_addresses = '127.0.0.1'",
    "max_connections = 200",
    "shared_buffers = 128MB",
    "wal_level = replica",
    "max_wal_senders = 5",
    "max_replication_slots = 5",
    "hot_standby = on",
    "hot_standby_feedback = on",
    "wal_keep_size = 256MB",
    "jit = off",
    "logging_collector = off",
  ];
  writeFileSync(path.join(dataDir, "postgresql.conf"), `${readFileSync(path.join(dataDir, "postgresql.conf"), "utf8")}\n# npm run cluster\n${conf.join("\n")}\n`);
  writeFileSync(
    path.join(dataDir, "pg_hba.conf"),
    ["local all all peer", "host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256", "host replication postgres 127.0.0.1/32 scram-sha-256", ""].join("\n"),
  );
  if (pgUser) for (const f of ["postgresql.conf", "pg_hba.conf"]) chownSync(path.join(dataDir, f), pgUser.uid, pgUser.gid);
}

async function startPostgres(bin: string, name: string, dataDir: string, p: number) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    if (pid && alive(pid)) throw new Error(`${name}: another server (pid ${pid}) runs on ${dataDir}; stop it (or the other npm run cluster) first`);
  }
  spawnProc(name, path.join(bin, "postgres"), ["-D", dataDir, "-p", String(p), "-k", path.join(dir, "run")], runAs, { ...process.env, LC_ALL: "C.UTF-8" }, "SIGINT");
  await waitForPort(p, name, 60_000);
  // Accepting TCP is not accepting queries (recovery, startup): wait for pg_isready.
  const until = Date.now() + 60_000;
  while (spawnSync(path.join(bin, "pg_isready"), ["-h", "127.0.0.1", "-p", String(p), "-q"]).status !== 0) {
    if (Date.now() > until) throw new Error(`${name} did not become ready; see its log in ${path.join(dir, "logs")}`);
    await sleep(200);
  }
  log(`${name}: ready on :${p}`);
}

async function ensureDatabase(adminUrl: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB]);
    if (!rowCount) await c.query(`CREATE DATABASE ${DB}`);
  } finally {
    await c.end();
  }
}

/** A slot left by an earlier replica (its directory was deleted) would refuse the new one's name. */
async function dropSlot(adminUrl: string, slot: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1", [slot]);
  } finally {
    await c.end();
  }
}

// ——— configuration files ———

function pgbouncerIni(bouncerDir: string) {
  return `[databases]
${DB} = host=127.0.0.1 port=${ports.primary} dbname=${DB}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${ports.bouncer}
unix_socket_dir = ${path.join(dir, "run")}
auth_type = scram-sha-256
auth_file = ${path.join(bouncerDir, "userlist.txt")}
admin_users = postgres
pool_mode = transaction
; two apps x DATABASE_POOL_SIZE (10) and two workers' job handlers share these server connections
max_client_conn = 1000
default_pool_size = 30
reserve_pool_size = 5
server_reset_query =
; node-postgres and Prisma send no other startup options; "options" would carry -c jit=off, which the
; primary's own configuration already says
ignore_startup_parameters = extra_float_digits,options
`;
}

function nginxConf(nginxDir: string) {
  const upstreams = ports.apps.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n");
  return `worker_processes 1;
pid ${path.join(dir, "run", "nginx.pid")};
events { worker_connections 1024; }
http {
  log_format upstreams '$time_iso8601 $status $request_method $uri upstream=$upstream_addr upstream_status=$upstream_status $request_time';
  access_log ${path.join(dir, "logs", "nginx-access.log")} upstreams;
  client_body_temp_path ${nginxDir}/client_body;
  proxy_temp_path ${nginxDir}/proxy;
  fastcgi_temp_path ${nginxDir}/fastcgi;
  uwsgi_temp_path ${nginxDir}/uwsgi;
  scgi_temp_path ${nginxDir}/scgi;
  client_max_body_size 25m;
  upstream app {
${upstreams}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${ports.nginx};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A dead or restarting instance: the request goes to the other. A POST that already reached an
      # instance is not sent again (nginx's default); the client retries it with its Idempotency-Key.
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
    }
  }
}
`;
}

// ——— processes ———

function spawnProc(name: string, cmd: string, args: string[], ids: { uid?: number; gid?: number }, env: NodeJS.ProcessEnv, stopSignal: NodeJS.Signals) {
  const logFile = path.join(dir, "logs", `${name}.log`);
  // Their own process group: a Ctrl-C in the terminal reaches only this script, which stops them in order.
  const child = spawn(cmd, args, { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"], ...ids });
  const out = (chunk: Buffer) => {
    writeFileSync(logFile, chunk, { flag: "a" });
    if (process.env.CLUSTER_VERBOSE) process.stdout.write(chunk.toString().replace(/^/gm, `[${name}] `));
  };
  child.stdout!.on("data", out);
  child.stderr!.on("data", out);
  const proc: Proc = { name, child, stopSignal };
  procs.push(proc);
  child.on("exit", (code, signal) => {
    if (stopping || proc.expected) return;
    // An instance or a worker that dies leaves the others serving (that is the point of two), and
    // without the replica reports read the primary; the primary and the proxies are not optional.
    const critical = !/^(app\d|worker\d|replica)$/.test(name);
    log(`${name} exited (${signal ?? `code ${code}`})${critical ? ": stopping the cluster" : "; the others keep serving"} — see ${path.relative(root, logFile)}`);
    if (critical) void stop(1);
  });
  return proc;
}

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  for (const s of steps) s.kill("SIGTERM");
  const groups = [["nginx"], ["app1", "app2", "worker1", "worker2"], ["pgbouncer"], ["replica"], ["primary"]];
  for (const group of groups) {
    await Promise.all(
      procs
        .filter((p) => group.includes(p.name) && p.child.exitCode === null && p.child.signalCode === null)
        .map(async (p) => {
          const exited = new Promise((r) => p.child.once("exit", r));
          p.child.kill(p.stopSignal);
          const timer = setTimeout(() => p.child.kill("SIGKILL"), 30_000);
          await exited;
          clearTimeout(timer);
        }),
    );
  }
  log(`stopped in ${((performance.now() - t0) / 1000).toFixed(1)}s since start`);
  process.exit(code);
}

// ——— setup helpers ———

async function ensurePackages(): Promise<string> {
  const find = () => {
    const base = "/usr/lib/postgresql";
    const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v) && existsSync(path.join(base, v, "bin", "postgres"))) : [];
    const v = versions.sort((a, b) => Number(b) - Number(a))[0];
    return v && existsSync("/usr/sbin/pgbouncer") && existsSync("/usr/sbin/nginx") ? path.join(base, v, "bin") : null;
  };
  let bin = find();
  if (bin) return bin;
  const line = "apt-get update && apt-get install -y postgresql pgbouncer nginx";
  if (!asRoot) throw new Error(`needs Debian's PostgreSQL, PgBouncer and nginx: run as root: ${line}`);
  log(`installing PostgreSQL, PgBouncer and nginx: ${line}`);
  await run("sh", ["-c", `${line} >${path.join(dir, "apt.log")} 2>&1`], {});
  bin = find();
  if (!bin) throw new Error(`the packages did not install; see ${path.join(dir, "apt.log")}`);
  return bin;
}

function secret(name: string, bytes: number) {
  const file = path.join(dir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(bytes).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

function lookupUser(name: string) {
  const r = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const g = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (r.status !== 0) return null;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** Runs a setup step to its end; its output goes to logs/setup.log (and is shown when it fails). */
function run(cmd: string, args: string[], ids: { uid?: number; gid?: number }, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], ...ids });
    steps.add(child);
    child.on("exit", () => steps.delete(child));
    let output = "";
    const keep = (d: Buffer) => {
      output += d;
      writeFileSync(path.join(dir, "logs", "setup.log"), d, { flag: "a" });
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) return resolve();
      process.stderr.write(output.slice(-4000));
      reject(new Error(`${path.basename(cmd)} ${args[0] ?? ""} failed (exit ${code})`));
    });
  });
}

async function waitForPort(p: number, name: string, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(p, "127.0.0.1", () => {
        s.destroy();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`${name} is not listening on :${p}; see ${path.join(dir, "logs", `${name}.log`)}`);
    await sleep(150);
  }
}

async function waitForHttp(url: string, name: string, ms = 120_000) {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return log(`${name}: answering`);
    if (Date.now() > until) throw new Error(`${name} did not answer ${url}; see ${path.join(dir, "logs", `${name}.log`)}`);
    await sleep(300);
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
function log(m: string) {
  console.log(`cluster: ${m}`);
}
