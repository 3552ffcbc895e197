import "server-only";
import { randomBytes } from "node:crypto";
// What product and price imports share: the result shape, the all-or-nothing failure, the lock and
// bulk audit rows.
import type { RowError } from "@/lib/catalog/import/columns";
import type { SheetFormat } from "@/lib/catalog/import/read-sheet";
import type { Ctx } from "@/lib/ctx";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export type ImportResult = {
  kind: "products" | "prices";
  dryRun: boolean;
  format: SheetFormat;
  /** Data rows read (blank rows are skipped). */
  rows: number;
  toCreate: number;
  toUpdate: number;
  /** Rows that match what is stored already. */
  unchanged: number;
  /** Category paths the import creates (products only). */
  newCategories?: string[];
  errors: RowError[];
};

/** A real import with bad rows: nothing was written; the rows and columns are in the details. */
export function importFailed(result: ImportResult) {
  const n = new Set(result.errors.map((e) => e.row)).size;
  return new AppError("validation", `${n === 1 ? "1 row has" : `${n} rows have`} errors, so nothing was imported. Fix them and import again.`, {
    details: { rows: result.rows, toCreate: result.toCreate, toUpdate: result.toUpdate, unchanged: result.unchanged, rowErrors: result.errors },
  });
}

/** One import (or price-list write) at a time per company. */
export async function lockImport(tx: Tx, companyId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`catalog_import:${companyId}`}, 0))`;
}

type Entry = { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown };

/** Audit rows for many records, shaped like recordAudit's, in a few statements (20,000 rows take well under a second). */
export async function auditRows(ctx: Ctx, tx: Tx, entries: Entry[]) {
  const actor = ctx.actor;
  const companyId = "companyId" in actor ? (actor.companyId ?? null) : null;
  for (const chunk of chunks(entries, 2000)) {
    const rows = chunk.map((e) => ({ id: newId(), action: e.action, entityType: e.entityType, entityId: e.entityId, before: e.before ?? null, after: e.after ?? null }));
    await tx.$executeRaw`
      INSERT INTO "AuditLog" (id, "companyId", "actorUserId", "actorKind", action, "entityType", "entityId", before, after, "requestId")
      SELECT v.id, ${companyId}, ${actor.userId}, ${actor.kind}, v.action, v."entityType", v."entityId", v.before, v.after, ${ctx.requestId}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id text, action text, "entityType" text, "entityId" text, before jsonb, after jsonb)`;
  }
}

/** A collision-resistant id in the shape of Prisma's cuid() (for rows written with raw SQL). */
export function newId() {
  return `c${Date.now().toString(36)}${randomBytes(16).toString("hex").slice(0, 16)}`;
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
