// Billing rows for tests that need invoices to exist without going through issuing (payments,
// ageing, PDFs, IRP JSON): a real Invoice with one line and totals that add up, inserted directly
// (and added to the sales rollups and the open receivables, as issuing does). Tests of issuing itself use lib/billing's
// domain functions instead.
import { prisma } from "@/lib/db/client";
import { prismaRunner } from "@/lib/db/sql-runner";
import { buyerSnapshot, sellerSnapshot } from "@/lib/billing/parties";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InvoiceType } from "@/lib/generated/prisma/enums";
import { financialYearLabel } from "@/lib/inventory/numbering";
import { moveOpenReceivables, receivableOf } from "@/lib/billing/open-receivables";
import { recordSalesRollups } from "@/lib/reporting/sales/record-sales-rollups";
import type { Shop } from "./order-factories";

const D = Prisma.Decimal;
// Test rows take numbers from 900000 up, clear of the real series (which starts at 000001), one after
// another from a random start per process: distinct within a process (a random number per row collided
// about once in twenty runs of the 200-step receivables history).
let counter = Math.floor(Math.random() * 50_000);

/** An issued document of the shop's retailer worth `grandTotal` (18% GST, intra-state unless the connection's place of supply differs). */
export async function insertInvoiceRow(
  shop: Pick<Shop, "co" | "connection">,
  opts: { grandTotal: string; issueDate: string; dueDate?: string; type?: InvoiceType; originalInvoiceId?: string; number?: string; hsnCode?: string; orderId?: string; orderLineId?: string; quantity?: number } = { grandTotal: "1180.00", issueDate: "2026-11-01" },
) {
  const company = await prisma.company.findUniqueOrThrow({ where: { id: shop.co } });
  const connection = await prisma.connection.findUniqueOrThrow({ where: { id: shop.connection.id }, include: { retailer: true } });
  const type = opts.type ?? "INVOICE";
  const total = new D(opts.grandTotal);
  const taxable = total.div("1.18").toDecimalPlaces(2, D.ROUND_HALF_UP);
  const tax = total.minus(taxable);
  const intra = connection.placeOfSupply === company.stateCode;
  const half = tax.div(2).toDecimalPlaces(2, D.ROUND_DOWN);
  const cgst = intra ? half : new D(0);
  const igst = intra ? new D(0) : tax;
  // An odd paisa goes to the round-off so CGST = SGST holds.
  const roundOff = intra ? tax.minus(half.times(2)) : new D(0);
  const issueDate = new Date(`${opts.issueDate}T00:00:00Z`);
  const series = type === "INVOICE" ? "INV" : type === "CREDIT_NOTE" ? "CN" : "DN";
  const fy = financialYearLabel(issueDate);
  const number = opts.number ?? `${series}/${fy}/${String(900000 + (++counter % 100_000)).slice(-6)}`;
  return prisma.$transaction(async (tx) => {
    const invoice = await tx.invoice.create({
      data: {
        companyId: shop.co,
        type,
        number,
        series,
        financialYear: fy,
        issueDate,
        dueDate: new Date(`${opts.dueDate ?? opts.issueDate}T00:00:00Z`),
        connectionId: connection.id,
        retailerId: connection.retailerId,
        originalInvoiceId: opts.originalInvoiceId ?? null,
        orderId: opts.orderId ?? null,
        noteReason: type === "INVOICE" ? null : "OTHER",
        taxType: intra ? "intra" : "inter",
        supplierStateCode: company.stateCode,
        placeOfSupply: connection.placeOfSupply,
        sellerGstin: company.gstin,
        seller: sellerSnapshot(company),
        buyerGstin: connection.retailer.gstin,
        buyerName: connection.retailer.legalName,
        buyer: buyerSnapshot(connection.retailer, connection),
        taxableTotal: taxable,
        cgstTotal: cgst,
        sgstTotal: cgst,
        igstTotal: igst,
        cessTotal: 0,
        roundOff,
        grandTotal: total,
        lines: {
          create: [
            {
              companyId: shop.co,
              position: 1,
              description: "Test goods",
              hsnCode: opts.hsnCode ?? "19059020",
              unit: "PCS",
              orderLineId: opts.orderLineId ?? null,
              quantity: opts.quantity ?? 1,
              unitPrice: taxable.div(opts.quantity ?? 1).toDecimalPlaces(2, D.ROUND_HALF_UP),
              taxInclusive: false,
              grossValue: taxable,
              taxableValue: taxable,
              gstRate: 18,
              cgstAmount: cgst,
              sgstAmount: cgst,
              igstAmount: igst,
              cessAmount: 0,
              lineTotal: taxable.plus(cgst).plus(cgst).plus(igst),
            },
          ],
        },
      },
      include: { lines: true },
    });
    await recordSalesRollups(prismaRunner(tx), { companyId: shop.co, invoiceId: invoice.id, sign: 1 });
    await moveOpenReceivables(prismaRunner(tx), null, receivableOf(invoice));
    return invoice;
  });
}
