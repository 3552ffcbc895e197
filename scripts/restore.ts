// npm run db:restore <file> — restores a backup (npm run db:backup, or the daily job's) into an empty
// database: DATABASE_URL, or the embedded one under .data/postgres. It refuses a database that holds
// data; to replace one, create a new database (or move .data/postgres aside) first.
import { resolveDatabase } from "../lib/db/database";
import { BackupError } from "../lib/db/backup/backup-file";
import { restoreBackup } from "../lib/db/backup/restore-backup";

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error("usage: npm run db:restore <file>");
  process.exit(2);
}

const db = await resolveDatabase();
try {
  const r = await restoreBackup(db.directUrl, file, { log: (m) => console.log(m) });
  console.log(`restored the backup of ${r.createdAt.toISOString()}: ${r.tables} tables, ${r.rows} rows, ${r.jobs} waiting background jobs re-queued`);
  if (r.pendingMigrations.length) {
    console.log(`this version has ${r.pendingMigrations.length} migration(s) newer than the backup (${r.pendingMigrations.join(", ")}): run npm run db:migrate now`);
  }
} catch (err) {
  console.error(err instanceof BackupError ? `restore refused: ${err.message}` : `restore failed: ${(err as Error).message}`);
  if (err instanceof BackupError && db.embedded && /not empty/.test(err.message)) {
    console.error("This is the embedded database in .data/postgres: stop the app, move that directory aside, and run the restore again.");
  }
  process.exitCode = 1;
} finally {
  await db.stop();
}
