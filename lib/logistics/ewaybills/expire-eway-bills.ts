import "server-only";
// The daily "ewaybill-expire" job (and a door for tests): generated e-way bills whose validity has run out
// become EXPIRED — they can still be extended within 8 hours of expiry, nothing else. The invoice forgets an
// expired bill, so it no longer blocks the invoice's cancellation.
import { prisma, type PrismaClient } from "@/lib/db/client";

export async function expireEwayBills(deps: { db?: PrismaClient; now?: () => Date } = {}): Promise<{ expired: number }> {
  const db = deps.db ?? prisma;
  const now = (deps.now ?? (() => new Date()))();
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; companyId: string; invoiceId: string | null; ewbNo: string }[]>`
      UPDATE "EwayBill" SET status = 'EXPIRED', "updatedAt" = now()
      WHERE status = 'GENERATED' AND "validUntil" IS NOT NULL AND "validUntil" < ${now}
      RETURNING id, "companyId", "invoiceId", "ewbNo"`;
    for (const r of rows) {
      if (r.invoiceId) await tx.invoice.updateMany({ where: { id: r.invoiceId, companyId: r.companyId, ewayBillNo: r.ewbNo }, data: { ewayBillNo: null, ewayBillDate: null, ewayBillValidUntil: null } });
      await tx.auditLog.create({ data: { action: "eway_bill.expired", entityType: "EwayBill", entityId: r.id, companyId: r.companyId, actorKind: "system", after: { ewbNo: r.ewbNo, at: now.toISOString() } } });
    }
    return { expired: rows.length };
  });
}
