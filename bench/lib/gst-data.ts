// The GSTR-1 benchmark's company (bench/reports.ts and bench/gstr1.ts): one month, November 2026, of
// 40,000 documents — 38,000 invoices, half to registered buyers (a tenth of all buyers in
// Karnataka: IGST), and 2,000 credit notes, 4 lines each — bulk-inserted once and kept.
import type pg from "pg";

export const GST_ID = "bench_reports_gst";
export const GST_DOCUMENTS = 40_000;
const RETAILERS = 1_000;

/** A third company with one month (November 2026) of 40,000 documents for GSTR-1, inserted once. */
export async function ensureGstData(c: pg.Client) {
  const have = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Invoice" WHERE "companyId" = $1`, [GST_ID]);
  if (have.rows[0]!.n === GST_DOCUMENTS) return;
  const { makeGstin } = await import("../../lib/demo/gstin-fixtures");
  const t = performance.now();
  console.log(`seeding ${GST_ID}: ${GST_DOCUMENTS.toLocaleString("en-IN")} documents in November 2026…`);
  await c.query("BEGIN");
  for (const table of ["InvoiceLine", "Invoice", "Connection"]) await c.query(`DELETE FROM "${table}" WHERE "companyId" = $1`, [GST_ID]);
  await c.query(`DELETE FROM "Retailer" WHERE id LIKE 'breg_r_%'`);
  await c.query(`DELETE FROM "Company" WHERE id = $1`, [GST_ID]);
  await c.query(
    `INSERT INTO "Company" (id, code, "legalName", "stateCode", "addressLine1", city, pincode, gstin, "updatedAt") VALUES ($1, 'BREG', 'Bench GST Traders Pvt Ltd', '27', '1 Bench Road', 'Pune', '411001', $2, now())`,
    [GST_ID, makeGstin("27", "AABCG5555K")],
  );
  // 1,000 retailers: the even ones registered (a valid GSTIN of their own), a tenth in Karnataka.
  const gstins = Array.from({ length: RETAILERS }, (_, i) => (i % 2 === 0 ? makeGstin(i % 10 === 0 ? "29" : "27", `AAAFB${String(1000 + i).padStart(4, "0")}K`) : null));
  await c.query(
    `INSERT INTO "Retailer" (id, "legalName", gstin, "stateCode", "addressLine1", city, pincode, "updatedAt")
     SELECT 'breg_r_' || g, 'GST Retailer ' || g, ($1::text[])[g], CASE WHEN g % 10 = 1 THEN '29' ELSE '27' END, 'Shop ' || g, 'Pune', '411002', now() FROM generate_series(1, $2) g`,
    [gstins, RETAILERS],
  );
  await c.query(
    `INSERT INTO "Connection" (id, "companyId", "retailerId", status, "customerCode", "creditLimit", "paymentTermsDays", "placeOfSupply", "activatedAt", "updatedAt")
     SELECT 'breg_c_' || g, $1, 'breg_r_' || g, 'ACTIVE', 'G-' || g, 500000, 30, CASE WHEN g % 10 = 1 THEN '29' ELSE '27' END, now(), now() FROM generate_series(1, $2) g`,
    [GST_ID, RETAILERS],
  );
  // Document g, in date order over November: every 20th a credit note (its own series) returning the invoice before it, the
  // others invoices numbered without gaps; retailer r = 1 + g % 1,000 (the odd ones registered, r % 10 = 1 in Karnataka: IGST).
  await c.query(
    `INSERT INTO "Invoice" (id, "companyId", type, number, series, "financialYear", status, "issueDate", "dueDate", "connectionId", "retailerId",
        "taxType", "supplierStateCode", "placeOfSupply", "sellerGstin", seller, "buyerGstin", "buyerName", buyer, "noteReason", "originalInvoiceId",
        "taxableTotal", "cgstTotal", "sgstTotal", "igstTotal", "cessTotal", "roundOff", "grandTotal", "updatedAt")
     SELECT 'breg_i_' || g, $1, CASE WHEN cn THEN 'CREDIT_NOTE' ELSE 'INVOICE' END::"InvoiceType",
        CASE WHEN cn THEN 'CN/26-27/' || lpad((g / 20)::text, 6, '0') ELSE 'INV/26-27/' || lpad((g - g / 20)::text, 6, '0') END, CASE WHEN cn THEN 'CN' ELSE 'INV' END, '26-27', 'ISSUED',
        DATE '2026-11-01' + ((g - 1) * 30 / $2), DATE '2026-11-01' + ((g - 1) * 30 / $2) + 30, 'breg_c_' || r, 'breg_r_' || r,
        CASE WHEN inter THEN 'inter' ELSE 'intra' END, '27', CASE WHEN inter THEN '29' ELSE '27' END, $3, '{}'::jsonb, ($4::text[])[r], 'GST Retailer ' || r, '{}'::jsonb,
        CASE WHEN cn THEN 'RETURN' END, CASE WHEN cn THEN 'breg_i_' || (g - 1) END,
        4000, CASE WHEN inter THEN 0 ELSE 360 END, CASE WHEN inter THEN 0 ELSE 360 END, CASE WHEN inter THEN 720 ELSE 0 END, 0, 0, 4720, now()
     FROM (SELECT g, cn, r, r % 10 = 1 AS inter
           FROM generate_series(1, $2) g, LATERAL (SELECT g % 20 = 0 AS cn) c, LATERAL (SELECT 1 + (CASE WHEN cn THEN g - 1 ELSE g END) % $5 AS r) rr) s`,
    [GST_ID, GST_DOCUMENTS, makeGstin("27", "AABCG5555K"), gstins, RETAILERS],
  );
  await c.query(
    `INSERT INTO "InvoiceLine" (id, "invoiceId", "companyId", position, "productId", sku, description, "hsnCode", unit, quantity, "unitPrice", "taxInclusive",
        "grossValue", "taxableValue", "gstRate", "cgstAmount", "sgstAmount", "igstAmount", "cessAmount", "lineTotal")
     SELECT i.id || '_' || n, i.id, $1, n, NULL, 'SKU-' || n, 'Bench goods ' || n, (ARRAY['19053100','21069099','04051000','09023010'])[n], 'PCS', 10, 100, false,
        1000, 1000, 18, CASE WHEN i."taxType" = 'inter' THEN 0 ELSE 90 END, CASE WHEN i."taxType" = 'inter' THEN 0 ELSE 90 END, CASE WHEN i."taxType" = 'inter' THEN 180 ELSE 0 END, 0, 1180
     FROM "Invoice" i, generate_series(1, 4) n WHERE i."companyId" = $1`,
    [GST_ID],
  );
  await c.query("COMMIT");
  await c.query(`ANALYZE "Invoice"; ANALYZE "InvoiceLine"`);
  console.log(`seeded in ${Math.round((performance.now() - t) / 1000)} s`);
}

