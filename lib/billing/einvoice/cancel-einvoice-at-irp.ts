import "server-only";
// The "einvoice-cancel" job: cancels the IRN of a document already cancelled in the product.
// Idempotent: acts only while the IRN is GENERATED and not yet cancelled; an IRP that says the IRN
// is already cancelled (our earlier attempt's answer was lost) is taken as done.
import { recordAudit } from "@/lib/audit/record-audit";
import { cancelReasons } from "@/lib/billing/einvoice/einvoice.schemas";
import { jobRuntime, type EInvoiceJobDeps } from "@/lib/billing/einvoice/einvoice-job-deps";
import { prisma } from "@/lib/db/client";
import { IRP_CANCEL_WINDOW_PASSED, IrpError, parseIrpDateTime, type IrpCancelReason } from "@/lib/integrations/gst/einvoice/irp-client";
import type { JobInfo } from "@/lib/jobs/queues";

export type CancelAtIrpResult = "cancelled" | "already_cancelled" | "skipped" | "refused";

export async function cancelEInvoiceAtIrp(invoiceId: string, job: Pick<JobInfo, "finalAttempt">, deps: EInvoiceJobDeps = {}): Promise<CancelAtIrpResult> {
  const db = deps.db ?? prisma;
  const inv = await db.invoice.findUnique({ where: { id: invoiceId }, select: { companyId: true, status: true, eInvoiceStatus: true, irn: true, cancelReason: true, irnCancelledAt: true } });
  if (!inv || inv.status !== "CANCELLED" || inv.eInvoiceStatus !== "GENERATED" || !inv.irn || inv.irnCancelledAt) return "skipped";
  const { ctx, client: getClient } = jobRuntime(deps, inv.companyId);
  const { code, remark } = parseReason(inv.cancelReason);
  const client = await getClient();
  let cancelledAt: Date;
  let result: CancelAtIrpResult = "cancelled";
  try {
    const r = await client.cancelIrn({ Irn: inv.irn, CnlRsn: code, CnlRem: remark });
    cancelledAt = r.CancelDate ? parseIrpDateTime(r.CancelDate) : ctx.now();
  } catch (e) {
    if (!(e instanceof IrpError)) throw e;
    if (e.retryable && !job.finalAttempt) throw e;
    // Already cancelled at the IRP? Then our earlier attempt worked and only its answer was lost.
    const current = await client.getByIrn(inv.irn).catch(() => null);
    if (current?.Status === "CNL") {
      cancelledAt = ctx.now();
      result = "already_cancelled";
    } else {
      const why = e.code === IRP_CANCEL_WINDOW_PASSED ? "the IRP's 24-hour window had passed when the cancellation reached it; the IRN stays active — issue a credit note for this invoice" : e.message;
      await db.invoice.updateMany({ where: { id: invoiceId, companyId: inv.companyId }, data: { eInvoiceError: `The IRN could not be cancelled at the IRP: ${why}` } });
      if (e.retryable) throw e;
      return "refused";
    }
  }
  await db.$transaction(async (tx) => {
    const n = await tx.invoice.updateMany({ where: { id: invoiceId, companyId: inv.companyId, eInvoiceStatus: "GENERATED", irnCancelledAt: null }, data: { eInvoiceStatus: "CANCELLED", irnCancelledAt: cancelledAt, eInvoiceError: null } });
    if (n.count) await recordAudit(ctx, tx, { action: "invoice.irn_cancelled", entityType: "Invoice", entityId: invoiceId, companyId: inv.companyId, after: { irn: inv.irn, reasonCode: code, remark, irp: client.kind } });
  });
  return result;
}

/** cancelInvoice stores "Data entry mistake: wrong rate"; the IRP wants the code (2) and the remark. */
function parseReason(stored: string | null): { code: IrpCancelReason; remark: string } {
  const s = stored ?? "";
  for (const [code, label] of Object.entries(cancelReasons)) {
    if (s.startsWith(`${label}: `)) return { code: Number(code) as IrpCancelReason, remark: s.slice(label.length + 2).slice(0, 100) || label };
  }
  return { code: 4, remark: (s || "Cancelled").slice(0, 100) };
}
