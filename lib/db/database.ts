// Resolves the database for a process: DATABASE_URL when set, otherwise the embedded
// PostgreSQL under .data/. Both paths end in a URL, so everything after connect is the same.
import path from "node:path";
import { startEmbeddedPostgres, type RunningDatabase } from "./embedded";

export async function resolveDatabase(opts: { dataDir?: string; database?: string; log?: (m: string) => void } = {}): Promise<RunningDatabase & { embedded: boolean }> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, stop: async () => {}, embedded: false };
  }
  const db = await startEmbeddedPostgres({
    dataDir: opts.dataDir ?? path.join(process.cwd(), ".data", "postgres"),
    database: opts.database ?? "vendor_erp",
    log: opts.log,
  });
  return { ...db, embedded: true };
}
