// The web server of the Playwright suite: its own embedded PostgreSQL (.data/e2e-postgres), a fresh
// database every run (dropped and created), migrations, demo data, then the app's server (scripts/serve.ts) on the existing
// production build. Started and stopped by Playwright (playwright.config.ts, webServer).
//
// `--prepare` makes the seeded database only, as a template (vendor_erp_e2e_template), and exits: npm test runs it
// beside `next build` (the seed mostly waits on PostgreSQL, the build on the CPU), and the server started with
// E2E_FROM_TEMPLATE=1 then copies the template instead of seeding (CREATE DATABASE … TEMPLATE, a second or two).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { installJobSchema } from "../lib/jobs/install";

const root = process.cwd();
const port = Number(process.env.E2E_PORT ?? 3100);
const database = "vendor_erp_e2e";
const template = `${database}_template`;
const prepareOnly = process.argv.includes("--prepare");
const log = (m: string) => console.log(`[e2e-server] ${m}`);

const t0 = performance.now();
const server = await startEmbeddedPostgres({ dataDir: path.join(root, ".data", "e2e-postgres"), database: "postgres", durable: false });
let child: ChildProcess | undefined;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child!.once("exit", r));
  }
  await server.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  const fromTemplate = !prepareOnly && process.env.E2E_FROM_TEMPLATE === "1";
  const url = await freshDatabase(server.url, prepareOnly ? template : database, fromTemplate ? template : undefined);
  const env = appEnv(url);
  if (!fromTemplate) {
    await migrate(url);
    await installJobSchema(url);
    log(`database ${prepareOnly ? template : database} ready in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    await run([path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/seed.ts"], env);
  }
  if (prepareOnly) {
    log(`template ${template} seeded in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    await stop(0);
  } else {
    if (fromTemplate) log(`database ${database} copied from ${template} in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
    if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
      log("no production build in .next; running next build first (npm test does this before Playwright)");
      await run([nextBin, "build"], env);
    }
    // The app's own server (as `npm start` runs it), so the specs see the client address as production does.
    // `--import tsx` rather than the tsx CLI, which would run the server in a second process that a stop signal misses.
    child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "-p", String(port)], { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => void stop(code ?? 1));
  }
} catch (err) {
  console.error("[e2e-server]", err instanceof Error ? err.message : err);
  await stop(1);
}

/** The app's environment for the suite: the seed and the server must share it (the seed encrypts with AUTH_SECRET, links use APP_URL). */
function appEnv(url: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url,
    AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789abcdef",
    AUTH_TRUST_HOST: "true",
    APP_URL: `http://localhost:${port}`,
    PORT: String(port),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    // Demo mode opens the outbox the specs read mail from, behind this key (e2e/helpers.ts).
    DEMO_MODE: "on",
    OUTBOX_KEY: "e2e-outbox-key-not-a-secret-0123456789",
    // One app process: specs that count attempts (rate limits, the login lockout) talk to one instance.
    WEB_CONCURRENCY: process.env.E2E_WEB_CONCURRENCY ?? "1",
  };
  delete env.RESEND_API_KEY; // mail must land in the local outbox the specs read
  return env;
}

/**
 * Database `name` made anew (dropped first if it exists): empty, or a copy of `copyOf` (the seeded
 * template npm test made beside the build).
 */
async function freshDatabase(adminUrl: string, name: string, copyOf?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    if (copyOf && (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [copyOf])).rowCount === 0) {
      throw new Error(`E2E_FROM_TEMPLATE=1 but there is no ${copyOf}: run scripts/e2e-server.ts --prepare first`);
    }
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"${copyOf ? ` TEMPLATE "${copyOf}"` : ""}`);
  } finally {
    await client.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const p = spawn(process.execPath, args, { env, stdio: "inherit" });
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0])} ${args.slice(1).join(" ")} exited with ${code}`))));
  });
}
