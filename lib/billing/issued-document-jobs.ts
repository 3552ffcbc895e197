import "server-only";
// The jobs of a document final as printed: its PDF drawn into the document storage and, when the
// company mails on issue, its mail to the retailer. Queued at issue, or for an e-invoiced document when
// the IRP's answer is stored (drawn and mailed with the IRN and signed QR) or has finally failed (drawn,
// not mailed: without its IRN it is not a valid invoice).
import type { Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";

export async function queueIssuedDocumentJobs(tx: Tx, a: { invoiceId: string; companyId: string; mail: boolean }) {
  if (a.mail) await enqueueJob(tx, "invoice-email", { invoiceId: a.invoiceId });
  await enqueueJob(tx, "invoice-pdf", { invoiceId: a.invoiceId, companyId: a.companyId });
}
