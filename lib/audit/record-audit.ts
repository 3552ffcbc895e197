import type { Ctx } from "@/lib/ctx";
import type { Tx } from "@/lib/db/client";
import { rowId } from "@/lib/db/row-id";
import type { SqlRunner } from "@/lib/db/sql-runner";
import type { Prisma } from "@/lib/generated/prisma/client";

type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  companyId?: string | null;
  retailerId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Writes one audit row inside the caller's transaction. Secrets never reach the log. */
export async function recordAudit(ctx: Ctx, tx: Tx, entry: AuditEntry) {
  await tx.auditLog.create({ data: auditRow(ctx, entry) });
}

/** The same in a transaction of SQL statements (lib/db/sql-tx.ts). */
export async function recordAuditOn(ctx: Ctx, run: SqlRunner, entry: AuditEntry) {
  const r = auditRow(ctx, entry);
  await run.query(
    `INSERT INTO "AuditLog" (id, action, "entityType", "entityId", "companyId", "retailerId", "actorUserId", "actorKind", before, after, "requestId")
     VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::jsonb, $10::jsonb, $11::text)`,
    [rowId(), r.action, r.entityType, r.entityId, r.companyId, r.retailerId, r.actorUserId, r.actorKind, json(r.before), json(r.after), r.requestId ?? null],
  );
}

function auditRow(ctx: Ctx, entry: AuditEntry) {
  const actor = ctx.actor;
  return {
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    companyId: entry.companyId ?? ("companyId" in actor ? actor.companyId : null) ?? null,
    retailerId: entry.retailerId ?? (actor.kind === "retailer" ? actor.retailerId : null),
    actorUserId: actor.userId,
    actorKind: actor.kind,
    before: toJson(entry.before),
    after: toJson(entry.after),
    requestId: ctx.requestId,
  };
}

const json = (v: Prisma.InputJsonValue | undefined) => (v === undefined ? null : JSON.stringify(v));

const secretKeys = new Set(["passwordHash", "password", "logo", "codeHash", "tokenHash"]);

export function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (k, v) => (secretKeys.has(k) ? undefined : typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}
