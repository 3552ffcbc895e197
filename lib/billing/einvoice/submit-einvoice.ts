import "server-only";
// The "einvoice-generate" job: reports one issued document to the IRP and stores what comes back
// (IRN, ack number and time, signed invoice and QR). Idempotent: it acts only on PENDING/FAILED
// documents, and a "duplicate IRN" answer (a retry after a lost response) fetches and stores the
// IRN the IRP already gave, instead of failing.
import { recordAudit } from "@/lib/audit/record-audit";
import { jobRuntime, type EInvoiceJobDeps } from "@/lib/billing/einvoice/einvoice-job-deps";
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { loadInvoiceDocument } from "@/lib/billing/invoice-access";
import { queueIssuedDocumentJobs } from "@/lib/billing/issued-document-jobs";
import type { BuyerSnapshot } from "@/lib/billing/parties";
import type { Ctx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { computeIrn } from "@/lib/integrations/gst/einvoice/irn";
import { IRP_DUPLICATE_IRN, IrpError, parseIrpDateTime, type IrpClient, type IrpGenerated } from "@/lib/integrations/gst/einvoice/irp-client";
import { buildIrpJson } from "@/lib/integrations/gst/einvoice/irp-json";
import { blockingProblems, validateIrpJson } from "@/lib/integrations/gst/einvoice/validate-irp-json";
import { enqueueJob, jobsIn } from "@/lib/jobs/enqueue";
import type { JobInfo } from "@/lib/jobs/queues";

export type SubmitResult = "generated" | "recovered" | "skipped" | "invalid" | "failed";

export async function submitEInvoice(invoiceId: string, job: Pick<JobInfo, "finalAttempt">, deps: EInvoiceJobDeps = {}): Promise<SubmitResult> {
  const db = deps.db ?? prisma;
  const head = await db.invoice.findUnique({ where: { id: invoiceId }, select: { companyId: true, status: true, eInvoiceStatus: true } });
  if (!head || (head.eInvoiceStatus !== "PENDING" && head.eInvoiceStatus !== "FAILED")) return "skipped";
  const { ctx, client: getClient } = jobRuntime(deps, head.companyId);
  if (head.status === "CANCELLED") {
    // Cancelled before it reached the IRP: nothing to report.
    await db.invoice.updateMany({ where: { id: invoiceId, companyId: head.companyId, eInvoiceStatus: { in: ["PENDING", "FAILED"] }, irn: null }, data: { eInvoiceStatus: "NOT_REQUIRED", eInvoiceError: null } });
    return "skipped";
  }

  const doc = await loadInvoiceDocument(db, ctx.actor, invoiceId);
  let client: IrpClient;
  try {
    client = await getClient();
  } catch (e) {
    if (e instanceof IrpError && !e.retryable) return fail(ctx, invoiceId, e.message, "failed");
    throw e;
  }
  const json = buildIrpJson(doc);
  const problems = blockingProblems(validateIrpJson(json, { sandbox: client.kind === "sandbox" }));
  if (problems.length) return fail(ctx, invoiceId, `The e-invoice was not sent: ${problems.map((p) => p.message).join("; ")}`, "invalid");

  let result: IrpGenerated;
  let recovered = false;
  try {
    result = await client.generateIrn(json);
  } catch (e) {
    if (!(e instanceof IrpError)) throw e;
    if (e.code === IRP_DUPLICATE_IRN) {
      // Our earlier attempt reached the IRP but its answer was lost: take the IRN it already has.
      const irn = e.existing?.Irn ?? computeIrn(json.SellerDtls.Gstin, json.DocDtls.Dt, json.DocDtls.Typ, json.DocDtls.No);
      result = await client.getByIrn(irn);
      recovered = true;
    } else if (e.retryable && !job.finalAttempt) {
      throw e;
    } else {
      await fail(ctx, invoiceId, `The IRP did not generate the IRN: ${e.message}`, "failed");
      if (e.retryable) throw e;
      return "failed";
    }
  }
  // Drawn and mailed now that the IRN and QR are on it (write-document.ts held both back).
  const mail = (await getBillingSettings(db, head.companyId)).emailOnIssue && Boolean((doc.buyer as unknown as BuyerSnapshot).email);
  await store(ctx, invoiceId, result, client.kind, mail);
  return recovered ? "recovered" : "generated";
}

async function store(ctx: Ctx, invoiceId: string, r: IrpGenerated, kind: IrpClient["kind"], mail: boolean) {
  const companyId = ctx.actor.kind === "system" ? ctx.actor.companyId! : "";
  await ctx.db.$transaction(async (tx) => {
    // NOT_REQUIRED too: the invoice may have been cancelled while the IRP was answering.
    const n = await tx.invoice.updateMany({
      where: { id: invoiceId, companyId, irn: null, eInvoiceStatus: { in: ["PENDING", "FAILED", "NOT_REQUIRED"] } },
      data: {
        eInvoiceStatus: r.Status === "CNL" ? "CANCELLED" : "GENERATED",
        eInvoiceError: null,
        irn: r.Irn,
        ackNo: r.AckNo,
        ackDate: parseIrpDateTime(r.AckDt),
        signedInvoice: r.SignedInvoice,
        signedQrCode: r.SignedQRCode,
        ...(r.EwbNo ? { ewayBillNo: String(r.EwbNo), ewayBillDate: r.EwbDt ? parseIrpDateTime(r.EwbDt) : null, ewayBillValidUntil: r.EwbValidTill ? parseIrpDateTime(r.EwbValidTill) : null } : {}),
      },
    });
    if (n.count !== 1) return;
    const after = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: { status: true, number: true } });
    // Cancelled locally while the IRP was generating: the IRN must be cancelled too.
    if (after.status === "CANCELLED" && r.Status !== "CNL") await enqueueJob(tx, "einvoice-cancel", { invoiceId });
    await queueIssuedDocumentJobs(jobsIn(tx), { invoiceId, companyId, mail: mail && after.status !== "CANCELLED" });
    await recordAudit(ctx, tx, { action: "invoice.einvoice_generated", entityType: "Invoice", entityId: invoiceId, companyId, after: { irn: r.Irn, ackNo: r.AckNo, ackDt: r.AckDt, irp: kind } });
  });
}

async function fail(ctx: Ctx, invoiceId: string, reason: string, result: SubmitResult): Promise<SubmitResult> {
  const companyId = ctx.actor.kind === "system" ? ctx.actor.companyId! : "";
  await ctx.db.$transaction(async (tx) => {
    const n = await tx.invoice.updateMany({ where: { id: invoiceId, companyId, irn: null, eInvoiceStatus: { in: ["PENDING", "FAILED"] } }, data: { eInvoiceStatus: "FAILED", eInvoiceError: reason.slice(0, 2000) } });
    if (!n.count) return;
    await recordAudit(ctx, tx, { action: "invoice.einvoice_failed", entityType: "Invoice", entityId: invoiceId, companyId, after: { reason } });
    // The document still needs its PDF (without the IRN); its mail waits until an IRN is on it.
    await queueIssuedDocumentJobs(jobsIn(tx), { invoiceId, companyId, mail: false });
  });
  return result;
}
