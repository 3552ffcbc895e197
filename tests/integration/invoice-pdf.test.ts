// Invoice, note and statement PDFs: they render with the embedded DejaVu font (the ₹ sign is a real
// glyph), say what the document says (numbers, GSTINs, taxes, totals), break long invoices over
// pages with page numbers, mark cancelled and e-invoiced documents, and are served only to their
// company's staff and the retailer they were issued to.
import { describe, expect, it } from "vitest";
import * as invoicePdfRoute from "@/app/api/v1/invoices/[id]/pdf/route";
import * as myLedgerPdfRoute from "@/app/api/v1/me/vendors/[code]/ledger/pdf/route";
import * as ledgerPdfRoute from "@/app/api/v1/retailers/[id]/ledger/pdf/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { getInvoicePdf } from "@/lib/billing/get-invoice-pdf";
import { getLedger } from "@/lib/billing/get-ledger";
import { pdfFilename } from "@/lib/billing/pdf-filename";
import { renderStatementPdf } from "@/lib/billing/pdf/statement-pdf";
import { prisma } from "@/lib/db/client";
import { insertInvoiceRow } from "../support/billing-factories";
import { createRetailerUser } from "../support/factories";
import { orderShop } from "../support/order-factories";
import { readPdf } from "../support/pdf-text";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function get(handler: Handler, path: string, params: Record<string, string>, actor: Actor) {
  const res = await handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${await token(actor)}` } }), { params: Promise.resolve(params) });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe("invoice PDF", () => {
  it("renders a one-line tax invoice on one page with the ₹ sign as a real DejaVu glyph", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-01", dueDate: "2026-12-01" });
    const pdf = await getInvoicePdf(shop.staff, inv.id);
    expect(pdf.filename).toBe(pdfFilename(inv.number));
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const facts = readPdf(pdf.bytes);
    expect(facts.pageCount).toBe(1);
    expect(facts.fonts.some((f) => /^[A-Z]{6}\+DejaVuSans$/.test(f))).toBe(true);
    // pdfkit gives .notdef code 0000; the rupee sign must map from a glyph of its own.
    const rupeeCodes = facts.codesFor("₹");
    expect(rupeeCodes.length).toBeGreaterThan(0);
    expect(rupeeCodes).not.toContain("0000");
    const company = await prisma.company.findUniqueOrThrow({ where: { id: shop.co } });
    for (const s of ["TAX INVOICE", "Original for Recipient", inv.number, company.gstin!, shop.retailer.gstin!, "Maharashtra (27)", "CGST", "SGST", "₹1,180.00", "Rupees One Thousand One Hundred Eighty Only", "HSN-wise tax summary".toUpperCase(), "Authorised Signatory", "Page 1 of 1"]) {
      expect(facts.text).toContain(s);
    }
    expect(facts.text).not.toContain("IGST");
  });

  it("breaks a 45-line invoice over pages, repeating the table header, with page numbers", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-01" });
    const line = inv.lines[0];
    await prisma.invoiceLine.createMany({
      data: Array.from({ length: 44 }, (_, i) => {
        const { id: _id, ...rest } = line;
        return { ...rest, position: i + 2, description: `Line item number ${i + 2} with a longer product name`, sku: `SKU-${i + 2}` };
      }),
    });
    const facts = readPdf((await getInvoicePdf(shop.staff, inv.id)).bytes);
    expect(facts.pageCount).toBeGreaterThanOrEqual(2);
    // Each page says which it is, counted once the whole document is laid out.
    facts.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${facts.pageCount}`));
    // The table runs onto page 2, and its header is printed there again.
    expect(facts.pages[1]).toContain("Line item number 30 with a longer product name");
    expect(facts.pages[1]).toContain("Description of goods");
    expect(facts.text).toContain("Line item number 45 with a longer product name");
  });

  it("prints IGST and the buyer's state for an inter-state invoice", async () => {
    const shop = await orderShop({ placeOfSupply: "24" });
    const inv = await insertInvoiceRow(shop, { grandTotal: "2360.00", issueDate: "2026-11-01" });
    const text = readPdf((await getInvoicePdf(shop.staff, inv.id)).bytes).text;
    expect(inv.taxType).toBe("inter");
    expect(text).toContain("IGST");
    expect(text).not.toContain("CGST");
    expect(text).toContain("Gujarat (24)");
    expect(text).toContain("₹2,360.00");
  });

  it("titles a credit note, names the invoice it corrects, and marks a cancelled e-invoiced document", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-01" });
    const note = await insertInvoiceRow(shop, { grandTotal: "118.00", issueDate: "2026-11-05", type: "CREDIT_NOTE", originalInvoiceId: inv.id });
    const noteText = readPdf((await getInvoicePdf(shop.staff, note.id)).bytes).text;
    expect(noteText).toContain("CREDIT NOTE");
    expect(noteText).toContain(`${inv.number} dated 1 Nov 2026`);

    const irn = "f".repeat(64);
    await prisma.invoice.update({ where: { id: inv.id }, data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: "Wrong buyer", irn, ackNo: "112610000012345", ackDate: new Date("2026-11-01T06:00:00Z"), signedQrCode: "eyJhbGciOiJSUzI1NiJ9.eyJkYXRhIjoiMSJ9.c2ln", eInvoiceStatus: "GENERATED" } });
    const bytes = (await getInvoicePdf(shop.staff, inv.id)).bytes;
    const text = readPdf(bytes).text;
    expect(text).toContain("CANCELLED");
    expect(text).toContain("Wrong buyer");
    expect(text).toContain(irn);
    expect(text).toContain("112610000012345");
    expect(bytes.toString("latin1")).toMatch(/\/Subtype \/Image/); // the signed QR code
  });
});

describe("statement PDF", () => {
  it("renders the ledger with its entries, balances and ageing", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "5900.00", issueDate: "2026-06-01", dueDate: "2026-07-01" });
    const ledger = await getLedger(shop.staff, { connectionId: shop.connection.id, from: "2026-04-01", to: "2026-11-30" });
    const facts = readPdf(await renderStatementPdf(ledger));
    expect(facts.pageCount).toBe(1);
    for (const s of ["STATEMENT OF ACCOUNT", shop.retailer.legalName, inv.number, "Opening balance", "Closing balance", "5,900.00 Dr", "Over 90 days", "Total outstanding"]) expect(facts.text).toContain(s);
  });
});

describe("PDF routes", () => {
  it("serve the invoice to its staff and its retailer, inline or as a download; 404 to everyone else", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-01" });
    const path = `/api/v1/invoices/${inv.id}/pdf`;
    const staff = await get(invoicePdfRoute.GET, path, { id: inv.id }, shop.owner);
    expect(staff.status).toBe(200);
    expect(staff.headers.get("content-type")).toBe("application/pdf");
    expect(staff.headers.get("content-disposition")).toBe(`inline; filename="${pdfFilename(inv.number)}"`);
    expect(staff.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const download = await get(invoicePdfRoute.GET, `${path}?download=1`, { id: inv.id }, shop.retailerActor);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="INV-/);

    const otherRetailer = await createRetailerUser();
    expect((await get(invoicePdfRoute.GET, path, { id: inv.id }, otherRetailer.actor)).status).toBe(404);
    const otherShop = await orderShop();
    expect((await get(invoicePdfRoute.GET, path, { id: inv.id }, otherShop.owner)).status).toBe(404);
  });

  it("serve the statement to the vendor's staff and to the retailer; 404 across tenants", async () => {
    const shop = await orderShop();
    await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-01" });
    const staffPath = `/api/v1/retailers/${shop.connection.id}/ledger/pdf?from=2026-04-01&to=2026-11-30`;
    const staff = await get(ledgerPdfRoute.GET, staffPath, { id: shop.connection.id }, shop.owner);
    expect(staff.status).toBe(200);
    expect(staff.headers.get("content-type")).toBe("application/pdf");
    expect(staff.headers.get("content-disposition")).toContain("Statement-");
    const otherShop = await orderShop();
    expect((await get(ledgerPdfRoute.GET, staffPath, { id: shop.connection.id }, otherShop.owner)).status).toBe(404);

    const code = shop.company.code;
    const mine = await get(myLedgerPdfRoute.GET, `/api/v1/me/vendors/${code}/ledger/pdf`, { code }, shop.retailerActor);
    expect(mine.status).toBe(200);
    expect(readPdf(mine.bytes).text).toContain("STATEMENT OF ACCOUNT");
    const stranger = await createRetailerUser();
    expect((await get(myLedgerPdfRoute.GET, `/api/v1/me/vendors/${code}/ledger/pdf`, { code }, stranger.actor)).status).toBe(404);
  });
});
