// Resolves the database for a process: DATABASE_URL when set, otherwise the embedded
// PostgreSQL under .data/. Both paths end in a URL, so everything after connect is the same.
// directUrl is the primary without a pooler (DATABASE_DIRECT_URL): migrations, backups and restores
// need one session of their own, which PgBouncer's transaction mode does not give.
import path from "node:path";
import { startEmbeddedPostgres, type RunningDatabase } from "./embedded";

export async function resolveDatabase(opts: { dataDir?: string; database?: string; log?: (m: string) => void } = {}): Promise<RunningDatabase & { embedded: boolean; directUrl: string }> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, directUrl: process.env.DATABASE_DIRECT_URL || process.env.DATABASE_URL, stop: async () => {}, embedded: false };
  }
  const db = await startEmbeddedPostgres({
    dataDir: opts.dataDir ?? path.join(process.cwd(), ".data", "postgres"),
    database: opts.database ?? "vendor_erp",
    log: opts.log,
  });
  return { ...db, directUrl: db.url, embedded: true };
}
