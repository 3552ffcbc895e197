// Shared by `npm run demo`, `npm start` and `npm run dev`: resolve the database (embedded unless
// DATABASE_URL is set), migrate, optionally seed, then run the app's server (scripts/serve.ts: Next.js
// behind a Node server that passes on the client's address) with the URL in its environment,
// and stop everything cleanly on Ctrl-C / SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveDatabase } from "../../lib/db/database";
import { migrate } from "../../lib/db/migrate";
import { installJobSchema } from "../../lib/jobs/install";

export type LaunchOptions = { mode: "start" | "dev"; seed: boolean; build: boolean };

export async function launch(opts: LaunchOptions) {
  const t0 = performance.now();
  const root = process.cwd();
  const port = Number(process.env.PORT ?? 3000);
  const db = await resolveDatabase({ log: process.env.DEBUG_DB ? (m) => console.log(m) : undefined });
  const tDb = performance.now();
  console.log(`database: ${db.embedded ? `embedded PostgreSQL (data in .data/postgres) ready in ${((tDb - t0) / 1000).toFixed(1)}s` : "DATABASE_URL"}`);
  let child: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    await db.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: process.env.AUTH_SECRET ?? localSecret(root), AUTH_TRUST_HOST: "true", PORT: String(port) };
    // `npm start` runs one app process per core (scripts/serve.ts) unless WEB_CONCURRENCY says
    // otherwise; the demo is one process unless asked.
    if (opts.seed && env.WEB_CONCURRENCY === undefined) env.WEB_CONCURRENCY = "1";
    // The demo (and only the demo) opens the local mail outbox, behind a key printed below.
    if (opts.seed) Object.assign(env, { DEMO_MODE: "on", OUTBOX_KEY: process.env.OUTBOX_KEY ?? localSecret(root, "outbox-key") });
    const result = await migrate(db.directUrl, { log: (m) => console.log(m) });
    console.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied.length} already in place`);
    await installJobSchema(db.directUrl);
    if (opts.seed) await run(process.execPath, [tsxCli(root), "--conditions=react-server", "scripts/seed.ts"], env);
    const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
    if (opts.build && (process.env.FORCE_BUILD || !existsSync(path.join(root, ".next", "BUILD_ID")))) {
      console.log("building the app (next build)…");
      await run(process.execPath, [nextBin, "build"], env);
    }
    // scripts/serve.ts rather than `next start` / `next dev`: it hands the app the real client address.
    const serveArgs = ["scripts/serve.ts", ...(opts.mode === "dev" ? ["--dev"] : []), "-p", String(port), "-H", process.env.HOST ?? "0.0.0.0"];
    // `--import tsx` (not the tsx CLI, which runs the script in a second process): signals reach the server itself.
    child = spawn(process.execPath, ["--import", "tsx", ...serveArgs], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    child.stdout!.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      process.stdout.write(text);
      if (/Ready in|Ready:|started server|Local:/i.test(text) && !announced) {
        announced = true;
        banner(port, opts.seed ? env.OUTBOX_KEY : undefined, performance.now() - t0);
      }
    });
    let announced = false;
    child.on("exit", (code) => void stop(code ?? 0));
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    await stop(1);
  }
}

function banner(port: number, outboxKey: string | undefined, ms: number) {
  const lines = [
    "",
    `  Vendor ERP is running:  http://localhost:${port}   (ready in ${(ms / 1000).toFixed(1)}s)`,
  ];
  if (outboxKey) {
    lines.push(
      "  Demo logins (password for all: Demo@1234)",
      "    vendor owner     owner@shreeganesh.example / Demo@1234",
      "    vendor sales     sales@shreeganesh.example / Demo@1234",
      "    retailer         ravi@sharmakirana.example / Demo@1234",
      `  Demo mail outbox (only for you: the link holds its key):`,
      `    http://localhost:${port}/dev/outbox-key?key=${outboxKey}`,
    );
  }
  lines.push("  Stop with Ctrl-C.", "");
  console.log(lines.join("\n"));
}

/** A secret for local runs (the session signing secret, the demo outbox key), generated once into .data/<name>. */
export function localSecret(root = process.cwd(), name = "auth-secret") {
  const dir = path.join(root, ".data");
  const file = path.join(dir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function tsxCli(root: string) {
  return path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const p = spawn(cmd, args, { env, stdio: "inherit" });
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? cmd)} ${args.slice(1).join(" ")} exited with ${code}`))));
  });
}
