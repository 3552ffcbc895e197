import "server-only";
// The jobs of a document final as printed: its PDF drawn into the document storage and, when the
// company mails on issue, its mail to the retailer. Queued at issue, or for an e-invoiced document when
// the IRP's answer is stored (drawn and mailed with the IRN and signed QR) or has finally failed (drawn,
// not mailed: without its IRN it is not a valid invoice).
import type { Db } from "pg-boss";
import { enqueueJobOn } from "@/lib/jobs/enqueue";

/** jobs: the transaction's job adapter (lib/db/sql-tx.ts; jobsIn for a Prisma transaction). */
export async function queueIssuedDocumentJobs(jobs: Db, a: { invoiceId: string; companyId: string; mail: boolean }) {
  if (a.mail) await enqueueJobOn(jobs, "invoice-email", { invoiceId: a.invoiceId });
  await enqueueJobOn(jobs, "invoice-pdf", { invoiceId: a.invoiceId, companyId: a.companyId });
}
