-- Open receivables by day: what the dashboard's ageing and its overdue queue add up, kept in the same
-- transaction as every change of what is open (lib/billing/open-receivables.ts: issuing, cancelling,
-- receipts, voids and every allocation), so the dashboard reads a few hundred rows instead of every
-- open document. One row per company, kind, day and retailer while something is open there:
--   DUE     invoices and debit notes by due date: grand total − settled, and how many are open;
--   CREDIT  unapplied credit: credit notes by issue date (grand total − applied) and receipts by the
--           day paid (amount − allocated).
-- A row whose documents are all settled is deleted. Keyed by retailer as well, so the writers of one
-- retailer's ledger (serialized by its connection lock) never wait for, or deadlock with, another's.
CREATE TYPE "ReceivableKind" AS ENUM ('DUE', 'CREDIT');

CREATE TABLE "OpenReceivables" (
    "companyId" TEXT NOT NULL,
    "kind" "ReceivableKind" NOT NULL,
    "day" DATE NOT NULL,
    "connectionId" TEXT NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "documents" INTEGER NOT NULL,
    CONSTRAINT "OpenReceivables_pkey" PRIMARY KEY ("companyId", "kind", "day", "connectionId")
);
ALTER TABLE "OpenReceivables" ADD CONSTRAINT "OpenReceivables_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- backfill:begin
INSERT INTO "OpenReceivables" ("companyId", "kind", "day", "connectionId", "amount", "documents")
SELECT "companyId", kind, day, "connectionId", sum(open), count(*)::int
FROM (
  SELECT "companyId", (CASE WHEN type = 'CREDIT_NOTE' THEN 'CREDIT' ELSE 'DUE' END)::"ReceivableKind" AS kind,
         CASE WHEN type = 'CREDIT_NOTE' THEN "issueDate" ELSE "dueDate" END AS day, "connectionId", "grandTotal" - "settledAmount" AS open
  FROM "Invoice" WHERE status = 'ISSUED' AND "settledAmount" < "grandTotal"
  UNION ALL
  SELECT "companyId", 'CREDIT'::"ReceivableKind", "paidOn", "connectionId", amount - "allocatedAmount"
  FROM "Payment" WHERE kind = 'RECEIPT' AND status = 'RECORDED' AND "allocatedAmount" < amount
) o
GROUP BY 1, 2, 3, 4;
-- backfill:end

-- The dashboard's e-invoice queues (pending past the IRP's window, failed) without reading every invoice.
CREATE INDEX "Invoice_companyId_eInvoiceStatus_issueDate_idx" ON "Invoice"("companyId", "eInvoiceStatus", "issueDate");
