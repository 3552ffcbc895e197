import "server-only";
// Cancelling an issued invoice, credit note or debit note — the ONLY way a document's status
// changes. Refused while notes against it are issued or an e-way bill is active. An e-invoiced
// document can be cancelled only within 24 hours of its IRP acknowledgement (the IRN is then
// cancelled at the IRP by the "einvoice-cancel" job); after that the answer is a credit note.
// Money applied to it goes back on account, an invoice made from an order gives the order its
// quantities back, so they can be invoiced again, and the document leaves the sales rollups and the
// open receivables.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { releaseAllocations } from "@/lib/billing/allocations";
import { cancelRefusal, kindName } from "@/lib/billing/cancel-rules";
import { moveOpenReceivables, receivableOf } from "@/lib/billing/open-receivables";
import { cancelInvoiceInput, cancelReasons } from "@/lib/billing/einvoice/einvoice.schemas";
import type { Ctx } from "@/lib/ctx";
import { prismaRunner } from "@/lib/db/sql-runner";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { lockConnection } from "@/lib/orders/credit";
import { recordOrderEvent } from "@/lib/orders/record-order-event";
import { recordSalesRollups } from "@/lib/reporting/sales/record-sales-rollups";
import { parseInput } from "@/lib/validation";
import { settleInvoicedTotal } from "@/lib/orders/invoiced-total";

export type CancelInvoiceResult = { id: string; number: string; status: "CANCELLED"; eInvoiceStatus: string; cancelledAt: string; cancelReason: string; releasedAmount: string };

export async function cancelInvoice(ctx: Ctx, invoiceId: string, input: unknown): Promise<CancelInvoiceResult> {
  assertCan(ctx.actor, "billing.write");
  const companyId = ctx.actor.companyId;
  const data = parseInput(cancelInvoiceInput, input);
  const reason = `${cancelReasons[data.reasonCode]}: ${data.remark}`;

  return ctx.db.$transaction(async (tx) => {
    const run = prismaRunner(tx);
    const head = await tx.invoice.findFirst({ where: { id: invoiceId, companyId }, select: { connectionId: true } });
    if (!head) throw notFound("Invoice");
    await lockConnection(tx, companyId, head.connectionId);
    await tx.$queryRaw`SELECT id FROM "Invoice" WHERE id = ${invoiceId} AND "companyId" = ${companyId} FOR UPDATE`;
    const inv = await tx.invoice.findFirstOrThrow({ where: { id: invoiceId, companyId }, include: { lines: { select: { orderLineId: true, quantity: true } } } });
    const what = kindName[inv.type];
    const notes = await tx.invoice.findMany({ where: { companyId, originalInvoiceId: inv.id, status: "ISSUED" }, select: { number: true }, orderBy: { number: "asc" } });
    const now = ctx.now();
    const refusal = cancelRefusal(inv, notes.map((n) => n.number), now);
    if (refusal) throw refusal;

    let eInvoiceStatus = inv.eInvoiceStatus;
    let eInvoiceError = inv.eInvoiceError;
    // An e-invoiced document's IRN is cancelled at the IRP after commit; eInvoiceStatus turns CANCELLED when it is.
    const cancelAtIrp = inv.eInvoiceStatus === "GENERATED";
    if (inv.eInvoiceStatus === "PENDING" || inv.eInvoiceStatus === "FAILED") {
      // Never reached the IRP (the job skips cancelled documents, and cancels an IRN that races in).
      eInvoiceStatus = "NOT_REQUIRED";
      eInvoiceError = null;
    }

    const released = await releaseAllocations(run, { companyId, of: inv.type === "CREDIT_NOTE" ? { creditNoteId: inv.id } : { invoiceId: inv.id } });

    // What it still holds open once its allocations are released (nothing is applied to it any more).
    const open = await tx.invoice.findFirstOrThrow({ where: { id: inv.id, companyId }, select: { companyId: true, connectionId: true, type: true, status: true, issueDate: true, dueDate: true, grandTotal: true, settledAmount: true } });
    const n = await tx.invoice.updateMany({
      where: { id: inv.id, companyId, status: "ISSUED" },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason, eInvoiceStatus, eInvoiceError },
    });
    if (n.count !== 1) throw new AppError("invalid_transition", `${what} ${inv.number} is already cancelled`);
    await recordSalesRollups(run, { companyId, invoiceId: inv.id, sign: -1 });
    await moveOpenReceivables(run, receivableOf(open), null);

    if (inv.type === "INVOICE" && inv.orderId) {
      for (const l of inv.lines) {
        if (!l.orderLineId) continue;
        await tx.$executeRaw`UPDATE "OrderLine" SET "invoicedQty" = GREATEST("invoicedQty" - ${l.quantity}::numeric, 0) WHERE id = ${l.orderLineId} AND "companyId" = ${companyId}`;
      }
      await settleInvoicedTotal(run, companyId, inv.orderId);
      await recordOrderEvent(ctx, tx, { orderId: inv.orderId, companyId, kind: "invoice_cancelled", note: `Invoice ${inv.number} cancelled — ${reason}`, data: { invoiceId: inv.id, number: inv.number } });
    }
    if (cancelAtIrp) await enqueueJob(tx, "einvoice-cancel", { invoiceId: inv.id });
    // The stored PDF is rendered again once, with the CANCELLED mark.
    await enqueueJob(tx, "invoice-pdf", { invoiceId: inv.id, companyId });

    await recordAudit(ctx, tx, {
      action: "invoice.cancel",
      entityType: "Invoice",
      entityId: inv.id,
      companyId,
      before: { status: inv.status, eInvoiceStatus: inv.eInvoiceStatus, settledAmount: inv.settledAmount.toFixed(2) },
      after: { status: "CANCELLED", eInvoiceStatus, reason, releasedAmount: released.toFixed(2), cancelAtIrp },
    });
    return { id: inv.id, number: inv.number, status: "CANCELLED", eInvoiceStatus, cancelledAt: now.toISOString(), cancelReason: reason, releasedAmount: new Prisma.Decimal(released).toFixed(2) };
  });
}
