// Measures cold start: the embedded PostgreSQL (fresh initdb + start, and restart of existing data)
// and `npm run demo` from launch to the first 200 on /login (with an existing production build).
// Usage: npx tsx bench/cold-start.ts   (prints a JSON summary; bench/out/ keeps nothing else)
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";

const dir = path.join(process.cwd(), ".data", "cold-start-postgres");

async function timeEmbedded(fresh: boolean) {
  if (fresh) rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const db = await startEmbeddedPostgres({ dataDir: dir, database: "bench" });
  const ms = performance.now() - t0;
  await db.stop();
  return Math.round(ms);
}

async function timeDemo(port: number) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/demo.ts"], { env: { ...process.env, PORT: String(port), DATABASE_URL: "" }, stdio: "ignore", detached: true });
  try {
    for (;;) {
      if (performance.now() - t0 > 300_000) throw new Error("demo did not answer within 5 minutes");
      try {
        const res = await fetch(`http://127.0.0.1:${port}/login`);
        if (res.status === 200) return Math.round(performance.now() - t0);
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

const result = {
  embeddedFreshMs: await timeEmbedded(true),
  embeddedRestartMs: await timeEmbedded(false),
  demoToFirstPageMs: process.argv.includes("--skip-demo") ? null : await timeDemo(3900),
};
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(result, null, 2));
