// The embedded PostgreSQL that `npm start` and the demo run keeps what it acknowledged: an invoice
// committed a moment before the database server is killed (SIGKILL, no shutdown) is there after the
// restart, and the server runs with fsync, synchronous_commit and full_page_writes on.
//
// This file manages its own embedded server in a temporary directory, started by the same function
// and defaults `npm start` uses (resolveDatabase without DATABASE_URL), whatever TEST_DATABASE_URL is.
// A SIGKILL cannot stand in for a power cut (the kernel still holds what PostgreSQL wrote), so the
// settings that make a power cut survivable are asserted as well.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { resolveDatabase } from "@/lib/db/database";
import { isAlive } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { installJobSchema } from "@/lib/jobs/install";

const dir = mkdtempSync(path.join(os.tmpdir(), "erp-durability-"));
// As root the server runs as the `postgres` OS user, which must reach its data directory.
chmodSync(dir, 0o755);
const stops: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  // A failure before the kill would leave the first server running: stop whatever still holds the directory.
  const pidFile = path.join(dir, "pgdata", "postmaster.pid");
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : 0;
  if (pid && isAlive(pid)) {
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("embedded PostgreSQL durability", () => {
  it("an invoice committed right before the database server is SIGKILLed is there after the restart", { timeout: 180_000 }, async () => {
    const first = await startLikeNpmStart();
    await migrate(first.url);
    await installJobSchema(first.url);
    expect(await settings(first.url)).toEqual({ fsync: "on", synchronous_commit: "on", full_page_writes: "on" });

    const committed = await issueInvoiceThenKill(first.url);
    // Killed: not stopped. The old handle's stop() would wait for an exit that already happened.
    expect(isAlive(committed.postmasterPid)).toBe(false);

    const log: string[] = [];
    const second = await startLikeNpmStart((line) => log.push(line));
    stops.push(second.stop);
    // It really was a crash: the restart replayed the WAL.
    expect(log.join("\n")).toMatch(/not properly shut down; automatic recovery in progress/);
    const client = new pg.Client({ connectionString: second.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT number, "grandTotal"::text AS total, status, (SELECT count(*)::int FROM "InvoiceLine" l WHERE l."invoiceId" = i.id) AS lines FROM "Invoice" i WHERE id = $1 AND "companyId" = $2`, [committed.invoiceId, committed.companyId]);
      expect(rows).toEqual([{ number: committed.number, total: committed.grandTotal, status: "ISSUED", lines: 1 }]);
      // The audit row and the numbering counter committed with it, in the same transaction.
      expect((await client.query(`SELECT count(*)::int AS n FROM "AuditLog" WHERE "entityId" = $1 AND action = 'invoice.issue'`, [committed.invoiceId])).rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
    expect(await settings(second.url)).toEqual({ fsync: "on", synchronous_commit: "on", full_page_writes: "on" });
  });
});

/** What `npm start` does (scripts/lib/launch.ts → resolveDatabase), pointed at this test's directory. */
async function startLikeNpmStart(log?: (line: string) => void) {
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const db = await resolveDatabase({ dataDir: dir, database: "vendor_erp", log });
        expect(db.embedded).toBe(true);
        return db;
      } catch (err) {
        // Right after a kill, the old server's backends may still hold its shared memory for a moment.
        if (attempt >= 20) throw err ?? new Error("embedded PostgreSQL did not start");
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    process.env.DATABASE_URL = saved;
  }
}

async function settings(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, string> = {};
    for (const name of ["fsync", "synchronous_commit", "full_page_writes"]) out[name] = (await client.query(`SHOW ${name}`)).rows[0][name];
    return out;
  } finally {
    await client.end();
  }
}

/** Runs tests/support/issue-invoice-child.ts against `url`; SIGKILLs the postmaster the moment it reports the commit. */
function issueInvoiceThenKill(url: string): Promise<{ invoiceId: string; number: string; grandTotal: string; companyId: string; postmasterPid: number }> {
  const postmasterPid = Number(readFileSync(path.join(dir, "pgdata", "postmaster.pid"), "utf8").split("\n")[0]);
  return new Promise((resolve, reject) => {
    const root = process.cwd();
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "tests/support/issue-invoice-child.ts")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let result: { invoiceId: string; number: string; grandTotal: string; companyId: string } | undefined;
    child.stdout.on("data", (d) => {
      stdout += d;
      if (result || !stdout.includes("\n")) return;
      result = JSON.parse(stdout.split("\n")[0]!);
      process.kill(postmasterPid, "SIGKILL");
    });
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", async (code) => {
      if (!result) return reject(new Error(`the invoice child exited ${code} without committing: ${stderr}`));
      for (let i = 0; i < 50 && isAlive(postmasterPid); i++) await new Promise((r) => setTimeout(r, 100));
      resolve({ ...result, postmasterPid });
    });
  });
}
