import "server-only";
// Staff (re)queue a document for the IRP: a document that was not e-invoiced (e-invoicing was off,
// or the buyer had no GSTIN) or whose last attempt failed. The job is enqueued with the change.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";

export async function requestEInvoice(ctx: Ctx, invoiceId: string): Promise<{ id: string; eInvoiceStatus: "PENDING" }> {
  assertCan(ctx.actor, "billing.write");
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(async (tx) => {
    const inv = await tx.invoice.findFirst({ where: { id: invoiceId, companyId }, select: { id: true, number: true, status: true, eInvoiceStatus: true } });
    if (!inv) throw notFound("Invoice");
    if (inv.status === "CANCELLED") throw new AppError("invalid_transition", `${inv.number} is cancelled; a cancelled document is not reported to the IRP`);
    if (inv.eInvoiceStatus === "PENDING") throw new AppError("conflict", `${inv.number} is already waiting for the IRP`);
    if (inv.eInvoiceStatus === "GENERATED" || inv.eInvoiceStatus === "CANCELLED") throw new AppError("conflict", `${inv.number} already has an IRN; a document number never gets a second one`);
    const n = await tx.invoice.updateMany({ where: { id: inv.id, companyId, status: "ISSUED", eInvoiceStatus: { in: ["NOT_REQUIRED", "FAILED"] } }, data: { eInvoiceStatus: "PENDING", eInvoiceError: null } });
    if (n.count !== 1) throw new AppError("conflict", `${inv.number} changed meanwhile; reload and try again`);
    await enqueueJob(tx, "einvoice-generate", { invoiceId: inv.id });
    await recordAudit(ctx, tx, { action: "invoice.einvoice_requested", entityType: "Invoice", entityId: inv.id, companyId, before: { eInvoiceStatus: inv.eInvoiceStatus }, after: { eInvoiceStatus: "PENDING" } });
    return { id: inv.id, eInvoiceStatus: "PENDING" as const };
  });
}
