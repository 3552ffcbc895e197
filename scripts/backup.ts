// npm run db:backup [-- --out <file>] — a consistent backup of DATABASE_URL or the embedded database,
// by default into BACKUP_DIR (.data/backups) under a dated name, with old ones pruned as the daily
// job does (BACKUP_RETENTION_DAYS). Restore with `npm run db:restore <file>`.
import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDatabase } from "../lib/db/database";
import { runBackup } from "../lib/db/backup/run-backup";
import { env } from "../lib/env";

let out: string | undefined;
try {
  ({ out } = parseArgs({ options: { out: { type: "string", short: "o" } } }).values);
} catch (err) {
  console.error(`${(err as Error).message}\nusage: npm run db:backup [-- --out <file>]`);
  process.exit(2);
}

const db = await resolveDatabase();
try {
  const r = await runBackup(db.directUrl, { dir: env().BACKUP_DIR, retentionDays: env().BACKUP_RETENTION_DAYS, trigger: "manual", out });
  console.log(`backup written: ${displayPath(r.file)} (${(r.bytes / 1024).toFixed(0)} KB; ${r.tables} tables, ${r.rows} rows, ${r.jobs} waiting jobs)`);
  if (r.deleted.length) console.log(`older than ${env().BACKUP_RETENTION_DAYS} days, deleted: ${r.deleted.join(", ")}`);
} catch (err) {
  console.error(`backup failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.stop();
}

function displayPath(file: string) {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}
