// Backups of the database (npm run db:backup / db:restore and the daily job): a company with an
// issued invoice, a payment and waiting background jobs is backed up, the database dropped and
// re-created, and the restore brings back every table's rows, the jobs, the sequences and the very
// same invoice PDF. A restore refuses a database that holds data and a damaged file; retention
// deletes only this app's old backups.
//
// This file works on a database of its own (created here, next to the suite's), because the round
// trip drops it; DATABASE_URL points there before anything connects.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as backupsRoute from "@/app/api/v1/system/backups/route";
import { issueTokenPair } from "@/lib/auth/tokens";
import { getInvoicePdf } from "@/lib/billing/get-invoice-pdf";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { recordPayment } from "@/lib/billing/record-payment";
import { BackupError } from "@/lib/db/backup/backup-file";
import { planMigrations, readBackupHeader, restoreBackup } from "@/lib/db/backup/restore-backup";
import { backupFileName, pruneBackups, runBackup } from "@/lib/db/backup/run-backup";
import { writeBackup } from "@/lib/db/backup/write-backup";
import { disconnect, prisma } from "@/lib/db/client";
import { listMigrations, migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { handlers } from "@/lib/jobs/handlers";
import { installJobSchema } from "@/lib/jobs/install";
import { getBackupStatus } from "@/lib/system/get-backup-status";
import { call } from "../support/http";
import { orderIn, orderShop, stockedProduct } from "../support/order-factories";

const adminUrl = inject("adminDatabaseUrl");
const dbName = `${new URL(inject("databaseUrl")).pathname.slice(1)}_backup`;
const url = withDatabase(adminUrl, dbName);
const work = mkdtempSync(path.join(os.tmpdir(), "erp-backup-"));
const backupDir = path.join(work, "backups");
process.env.DATABASE_URL = url;
process.env.BACKUP_DIR = backupDir;
process.env.BACKUP_RETENTION_DAYS = "14";

// A 1×1 PNG: the logo is bytea, printed on the PDF, so the PDF hash covers binary data too.
const LOGO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
// react-pdf stamps the PDF with the time it is rendered (CreationDate, and the file ID made from
// it); both renderings happen at this instant so the bytes can be compared.
const RENDERED_AT = new Date("2026-12-05T10:00:00Z");

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${dbName}"`);
  await migrate(url);
  await installJobSchema(url);
});

afterAll(async () => {
  await stopBoss();
  await disconnect();
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("backup, wipe, restore: every table's rows, the waiting jobs, the sequences and the invoice PDF come back the same", { timeout: 120_000 }, async () => {
    expect(env().DATABASE_URL).toBe(url);
    const shop = await orderShop();
    await prisma.company.update({ where: { id: shop.co }, data: { logo: LOGO } });
    const product = await stockedProduct(shop, 40, { hsnCode: "84713010" });
    const order = await orderIn(shop, "PACKED", product.id, 3);
    const invoice = await invoiceOrder(shop.staff, order.id);
    await recordPayment(shop.staff, { connectionId: shop.connection.id, amount: "100.00", method: "CASH", paidOn: "2026-12-01" });
    // Text that COPY must escape: a tab, a newline, a backslash, a line that is just "\.", and Hindi.
    await prisma.product.update({ where: { id: product.id }, data: { description: "tab\there\nnew line \\ back\\slash\n\\.\nआटा" } });

    const pdfBefore = await pdfHash(shop.staff, invoice.id);
    const countsBefore = await tableCounts();
    const jobsBefore = await waitingJobs();
    const seqBefore = await stockMovementSequence();
    expect(countsBefore["public.Invoice"]).toBeGreaterThan(0);
    expect(countsBefore["public.InvoiceLine"]).toBeGreaterThan(0);
    expect(countsBefore["public.Payment"]).toBeGreaterThan(0);
    expect(jobsBefore.length).toBeGreaterThan(0);

    const file = path.join(work, "round-trip.backup.gz");
    const summary = await writeBackup(url, file);
    expect(summary).toMatchObject({ file, migrations: listMigrations().map((m) => m.name) });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(work).filter((n) => n.endsWith(".partial"))).toEqual([]);
    const header = await readBackupHeader(file);
    expect(header.migrations.map((m) => m.name)).toEqual(listMigrations().map((m) => m.name));
    expect(header.tables.map((t) => t.name)).not.toContain("_prisma_migrations");
    // Parents before children: an invoice's company and connection come before it, its lines after.
    const at = (name: string) => header.tables.findIndex((t) => t.name === name);
    expect(at("Company")).toBeLessThan(at("Invoice"));
    expect(at("Connection")).toBeLessThan(at("Invoice"));
    expect(at("Invoice")).toBeLessThan(at("InvoiceLine"));

    // Wipe: the database is dropped and created again, empty.
    await stopBoss();
    await disconnect();
    await admin(`DROP DATABASE "${dbName}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${dbName}"`);

    const restored = await restoreBackup(url, file);
    expect(restored).toMatchObject({ tables: header.tables.length, pendingMigrations: [], jobs: jobsBefore.length });
    expect(await tableCounts()).toEqual(countsBefore);
    expect(await waitingJobs()).toEqual(jobsBefore);
    expect(await stockMovementSequence()).toEqual(seqBefore);
    expect(await pdfHash(shop.staff, invoice.id)).toBe(pdfBefore);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).description).toBe("tab\there\nnew line \\ back\\slash\n\\.\nआटा");
    // The numbering continues where it was: the next invoice of this company is 000002.
    const order2 = await orderIn(shop, "PACKED", product.id, 1);
    expect((await invoiceOrder(shop.staff, order2.id)).number).toMatch(/\/000002$/);

    // The database now holds data: a second restore into it is refused and changes nothing.
    const countsAfter = await tableCounts();
    const refused = await restoreBackup(url, file).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(BackupError);
    expect((refused as Error).message).toMatch(/^The database is not empty \(.+ holds? rows\)\. A restore only goes into an empty database/);
    expect(await tableCounts()).toEqual(countsAfter);
  });

  it("a truncated or foreign file is refused and leaves nothing behind; an empty database then takes the good file", { timeout: 120_000 }, async () => {
    const good = path.join(work, "good.backup.gz");
    await writeBackup(url, good);
    const text = gunzipSync(readFileSync(good)).toString("utf8");
    const truncated = path.join(work, "truncated.backup.gz");
    writeFileSync(truncated, gzipSync(text.slice(0, text.lastIndexOf("END "))));
    const foreign = path.join(work, "foreign.backup.gz");
    writeFileSync(foreign, gzipSync("CREATE TABLE x ();\n"));
    const notGzip = path.join(work, "plain.sql");
    writeFileSync(notGzip, "hello\n");

    const target = `${dbName}_target`;
    const targetUrl = withDatabase(adminUrl, target);
    await admin(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${target}"`);
    try {
      await expect(restoreBackup(targetUrl, truncated)).rejects.toThrow(/no end marker: it is truncated/);
      // The schema was migrated, but not one row of the backup went in: the data is one transaction.
      const { rows: [{ n: companies }] } = await withClient(targetUrl, (c) => c.query(`SELECT count(*)::int AS n FROM "Company"`));
      expect(companies).toBe(0);
      // Migrated, the database holds the reference rows its migrations insert: no longer empty.
      await expect(restoreBackup(targetUrl, good)).rejects.toThrow(/not empty \(public\.TaxRate holds rows\)/);
      await admin(`DROP DATABASE "${target}" WITH (FORCE)`);
      await admin(`CREATE DATABASE "${target}"`);
      await expect(restoreBackup(targetUrl, foreign)).rejects.toThrow(/not a Vendor ERP backup/);
      await expect(restoreBackup(targetUrl, notGzip)).rejects.toThrow(/not a Vendor ERP backup \(not a gzip file/);
      await expect(restoreBackup(targetUrl, path.join(work, "missing.gz"))).rejects.toThrow(/No backup file at/);

      const newer = path.join(work, "newer.backup.gz");
      writeFileSync(newer, gzipSync(text.replace(/^VENDOR-ERP-BACKUP 1\n/, "VENDOR-ERP-BACKUP 2\n")));
      await expect(restoreBackup(targetUrl, newer)).rejects.toThrow(/in format 2; this version of Vendor ERP reads format 1/);

      // Code one migration behind the backup: refused before anything is touched.
      const code = listMigrations();
      const older = copyMigrations(code.slice(0, -1));
      await expect(restoreBackup(targetUrl, good, { migrationsDir: older })).rejects.toThrow(new RegExp(`newer version of Vendor ERP \\(its migration ${code.at(-1)!.name}`));
      expect(await tableCounts(targetUrl)).toEqual({});

      // Code one migration ahead: the schema is built as the backup's, the data goes in, and the newer
      // migration is left for db:migrate.
      const ahead = copyMigrations(code, { name: "29991231000000_after_backup", sql: 'CREATE TABLE "AfterBackup" ("id" INTEGER PRIMARY KEY);' });
      const r = await restoreBackup(targetUrl, good, { migrationsDir: ahead });
      expect(r.pendingMigrations).toEqual(["29991231000000_after_backup"]);
      expect(await tableCounts(targetUrl)).toEqual((await tableCountsOfBackup(good)).rows);
      expect(r.rows).toBeGreaterThan(0);
      expect((await migrate(targetUrl, { dir: ahead })).applied).toEqual(["29991231000000_after_backup"]);
    } finally {
      await admin(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`);
    }
  });

  it("restores only with the migrations the backup was taken with: newer code leaves the rest for db:migrate, older code refuses", () => {
    const code = [
      { name: "20260101000000_a", checksum: "a" },
      { name: "20260102000000_b", checksum: "b" },
      { name: "20260103000000_c", checksum: "c" },
    ];
    expect(planMigrations({ migrations: code.slice(0, 2) }, code)).toEqual({ upTo: "20260102000000_b", pending: ["20260103000000_c"] });
    expect(planMigrations({ migrations: code }, code)).toEqual({ upTo: "20260103000000_c", pending: [] });
    expect(() => planMigrations({ migrations: [...code, { name: "20260104000000_d", checksum: "d" }] }, code)).toThrow(/taken by a newer version of Vendor ERP \(its migration 20260104000000_d/);
    expect(() => planMigrations({ migrations: [{ name: "20260101000000_a", checksum: "edited" }] }, code)).toThrow(/differs from the one the backup was taken with/);
    expect(() => planMigrations({ migrations: [code[0]!, code[2]!] }, code)).toThrow(/the code has 20260102000000_b where the backup has 20260103000000_c/);
    expect(() => planMigrations({ migrations: [] }, code)).toThrow(/records no applied migrations/);
  });
});

describe("daily backup job and retention", () => {
  it("the job writes a dated backup into BACKUP_DIR, records the run, and deletes this app's backups older than the retention", { timeout: 120_000 }, async () => {
    const now = new Date();
    const old = backupFileName(new Date(now.getTime() - 15 * 86_400_000));
    const recent = backupFileName(new Date(now.getTime() - 13 * 86_400_000));
    mkdirSync(backupDir, { recursive: true });
    for (const name of [old, recent, "notes.txt", "vendor-erp-manual-copy.backup.gz"]) writeFileSync(path.join(backupDir, name), "x");

    const out = (await handlers["database-backup"]({}, { id: "test", retryCount: 0, retryLimit: 2, finalAttempt: false })) as { file: string; bytes: number; deleted: string[] };
    expect(out.file).toMatch(/^vendor-erp-\d{8}-\d{6}Z\.backup\.gz$/);
    expect(out.deleted).toEqual([old]);
    expect(readdirSync(backupDir).sort()).toEqual([out.file, recent, "notes.txt", "vendor-erp-manual-copy.backup.gz"].sort());
    expect(statSync(path.join(backupDir, out.file)).size).toBe(out.bytes);
    expect((await readBackupHeader(path.join(backupDir, out.file))).migrations.length).toBe(listMigrations().length);
    const run = await prisma.backupRun.findFirstOrThrow({ where: { fileName: out.file } });
    expect(run).toMatchObject({ trigger: "schedule", status: "SUCCEEDED", bytes: BigInt(out.bytes), error: null });
  });

  it("0 days keeps every backup; a window keeps what is inside it", () => {
    const dir = mkdtempSync(path.join(work, "retention-"));
    const now = new Date("2026-12-05T12:00:00Z");
    const names = [1, 10, 30, 400].map((d) => backupFileName(new Date(now.getTime() - d * 86_400_000)));
    for (const n of names) writeFileSync(path.join(dir, n), "x");
    expect(pruneBackups(dir, 0, now)).toEqual([]);
    expect(readdirSync(dir)).toHaveLength(4);
    expect(pruneBackups(dir, 14, now).sort()).toEqual([names[2], names[3]].sort());
    expect(readdirSync(dir).sort()).toEqual([names[0], names[1]].sort());
    expect(pruneBackups(path.join(dir, "missing"), 14, now)).toEqual([]);
  });

  it("a failed backup is recorded with its error and deletes nothing", async () => {
    const before = await prisma.backupRun.count({ where: { status: "FAILED" } });
    const dir = mkdtempSync(path.join(work, "failing-"));
    const keep = backupFileName(new Date(Date.now() - 100 * 86_400_000));
    writeFileSync(path.join(dir, keep), "x");
    // A file where the backup's directory should be: the write fails.
    const blocked = path.join(dir, "blocked");
    writeFileSync(blocked, "not a directory");
    await expect(runBackup(url, { dir, retentionDays: 14, trigger: "manual", out: path.join(blocked, "x.backup.gz") })).rejects.toThrow();
    expect(await prisma.backupRun.count({ where: { status: "FAILED" } })).toBe(before + 1);
    const failed = await prisma.backupRun.findFirstOrThrow({ where: { status: "FAILED" }, orderBy: { finishedAt: "desc" } });
    expect(failed.error).toMatch(/ENOTDIR|EEXIST/);
    expect(readdirSync(dir)).toContain(keep);
  });
});

describe("backup status (settings page and API)", () => {
  it("owners and admins see the last run, the last success and whether it is overdue; others may not", async () => {
    const shop = await orderShop();
    const status = await getBackupStatus(shop.staff);
    expect(status).toMatchObject({ staleAfterHours: 36, retentionDays: 14, directory: backupDir, schedule: "Daily at 02:30 (India time)", stale: false });
    // The failing test above ran last: the last run failed, the last success is the job's.
    expect(status.lastRun).toMatchObject({ status: "FAILED" });
    expect(status.lastSuccess).toMatchObject({ status: "SUCCEEDED", trigger: "schedule" });
    expect(typeof status.lastSuccess!.bytes).toBe("number");

    // A day and a half later with no new backup, it is overdue.
    const later = shop.ctxOf(shop.owner);
    later.now = () => new Date(status.lastSuccess!.finishedAt.getTime() + 37 * 3_600_000);
    expect((await getBackupStatus(later)).stale).toBe(true);

    expect((await getBackupStatus(await shop.staffAs("ADMIN"))).lastSuccess).not.toBeNull();
    for (const role of ["MANAGER", "ACCOUNTANT", "SALES", "WAREHOUSE", "DRIVER"] as const) {
      await expect(getBackupStatus(await shop.staffAs(role))).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(getBackupStatus(shop.shopper)).rejects.toMatchObject({ code: "forbidden" });

    const token = (await issueTokenPair(prisma, shop.owner)).accessToken;
    const res = await call(backupsRoute.GET, { path: "/api/v1/system/backups", token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ stale: false, lastSuccess: { status: "SUCCEEDED", finishedAt: status.lastSuccess!.finishedAt.toISOString() } });
    const sales = await shop.staffAs("SALES");
    const salesToken = (await issueTokenPair(prisma, sales.actor)).accessToken;
    expect((await call(backupsRoute.GET, { path: "/api/v1/system/backups", token: salesToken })).status).toBe(403);
    expect((await call(backupsRoute.GET, { path: "/api/v1/system/backups" })).status).toBe(401);
    const doc = (await call(openapiRoute.GET, { path: "/api/v1/openapi.json" })).json;
    expect(doc.paths["/api/v1/system/backups"].get.responses["200"]).toBeDefined();
  });
});

/** A migrations folder holding `migrations` (and `extra`), as another version of the code would have. */
function copyMigrations(migrations: { name: string; sql: string }[], extra?: { name: string; sql: string }) {
  const dir = mkdtempSync(path.join(work, "migrations-"));
  for (const m of extra ? [...migrations, extra] : migrations) {
    mkdirSync(path.join(dir, m.name));
    writeFileSync(path.join(dir, m.name, "migration.sql"), m.sql);
  }
  return dir;
}

async function pdfHash(ctx: Parameters<typeof getInvoicePdf>[0], invoiceId: string) {
  vi.useFakeTimers({ toFake: ["Date"], now: RENDERED_AT });
  try {
    const pdf = await getInvoicePdf(ctx, invoiceId);
    return createHash("sha256").update(pdf.bytes).digest("hex");
  } finally {
    vi.useRealTimers();
  }
}

/** Rows of every table in the app's schema, by name. */
async function tableCounts(databaseUrl = url) {
  return withClient(databaseUrl, async (c) => {
    const { rows } = await c.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`);
    const out: Record<string, number> = {};
    for (const { name } of rows) out[`public.${name}`] = (await c.query(`SELECT count(*)::int AS n FROM public."${name}"`)).rows[0].n;
    return out;
  });
}

async function waitingJobs() {
  return withClient(url, async (c) => (await c.query(`SELECT id::text, name, data, state::text FROM pgboss.job WHERE state IN ('created', 'retry') ORDER BY id`)).rows);
}

async function stockMovementSequence() {
  return withClient(url, async (c) => (await c.query(`SELECT last_value::text, is_called FROM "StockMovement_id_seq"`)).rows[0]);
}

async function tableCountsOfBackup(file: string) {
  const text = gunzipSync(readFileSync(file)).toString("utf8");
  const end = text.slice(text.lastIndexOf("\nEND ") + 5).trim();
  return JSON.parse(end) as { rows: Record<string, number> };
}

async function withClient<T>(databaseUrl: string, fn: (c: pg.Client) => Promise<T>) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function admin(sql: string) {
  return withClient(adminUrl, (c) => c.query(sql));
}

function withDatabase(base: string, database: string) {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}
