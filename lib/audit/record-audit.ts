import type { Ctx } from "@/lib/ctx";
import type { Tx } from "@/lib/db/client";
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
  const actor = ctx.actor;
  await tx.auditLog.create({
    data: {
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
    },
  });
}

const secretKeys = new Set(["passwordHash", "password", "logo", "codeHash", "tokenHash"]);

export function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (k, v) => (secretKeys.has(k) ? undefined : typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}
