// GST returns on a real database: a month issued through the billing domain functions (invoices,
// notes, a cancellation) gives a GSTR-1 that ties to the books, with every document in its
// section; another company's documents never appear; the routes answer only for the actor's
// company, refuse a bad period with 422 naming fp, and stream the Excel workbook.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import * as gstr1Route from "@/app/api/v1/gst-returns/gstr1/route";
import * as problemsRoute from "@/app/api/v1/gst-returns/gstr1/problems/route";
import * as xlsxRoute from "@/app/api/v1/gst-returns/gstr1/xlsx/route";
import * as gstr3bRoute from "@/app/api/v1/gst-returns/gstr3b/route";
import * as coverageRoute from "@/app/api/v1/gst-returns/coverage/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { cancelInvoice } from "@/lib/billing/cancel-invoice";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote, issueDebitNote } from "@/lib/billing/issue-note";
import { prisma } from "@/lib/db/client";
import { makeGstin } from "@/lib/demo/gstin-fixtures";
import { Prisma } from "@/lib/generated/prisma/client";
import { getGstCoverage } from "@/lib/reporting/gst/get-gst-coverage";
import { getGstr1 } from "@/lib/reporting/gst/get-gstr1";
import { getGstr3b } from "@/lib/reporting/gst/get-gstr3b";
import { buildGstr1 } from "@/lib/reporting/gst/build-gstr1";
import { buildGstr3b } from "@/lib/reporting/gst/build-gstr3b";
import { loadGstDocuments, otherPeriodNumbers } from "@/lib/reporting/gst/load-gst-documents";
import { tieOut } from "@/lib/reporting/gst/tie-out";
import { validateGstr1 } from "@/lib/reporting/gst/validate-gstr1";
import { randomPan } from "../support/factories";
import { call } from "../support/http";
import { orderShop, type Shop } from "../support/order-factories";
import { rejects } from "../support/rejects";

const NOW = new Date("2026-11-30T06:30:00Z");
const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const line = (unitPrice: string, gstRate = "18", hsnCode = "19053100", quantity = "1") => ({ description: "Biscuits carton", hsnCode, unit: "BOX", quantity, unitPrice, gstRate });

/** An unregistered buyer (no GSTIN) connected to the shop, buying in `stateCode`. */
async function walkIn(shop: Shop, stateCode: string) {
  const retailer = await prisma.retailer.create({ data: { legalName: `Walk-in ${stateCode} ${Math.random().toString(36).slice(2, 7)}`, stateCode, addressLine1: "Market Road", city: "Town", pincode: "560001" } });
  return prisma.connection.create({ data: { companyId: shop.co, retailerId: retailer.id, status: "ACTIVE", placeOfSupply: stateCode, activatedAt: new Date() } });
}

/** A registered buyer in another state. */
async function registeredIn(shop: Shop, stateCode: string) {
  const pan = randomPan("F");
  const retailer = await prisma.retailer.create({ data: { legalName: `Dealer ${stateCode} ${pan}`, gstin: makeGstin(stateCode, pan), pan, stateCode, addressLine1: "Industrial Estate", city: "City", pincode: "560002" } });
  return prisma.connection.create({ data: { companyId: shop.co, retailerId: retailer.id, status: "ACTIVE", placeOfSupply: stateCode, activatedAt: new Date() } });
}

/** November 2026 of a Maharashtra vendor: one document of each kind, issued as staff would. */
async function seedMonth() {
  const shop = await orderShop({ now: NOW });
  const ctx = shop.ctxOf(shop.owner);
  const ka = await registeredIn(shop, "29");
  const b2cInter = await walkIn(shop, "29");
  const b2cIntra = await walkIn(shop, "27");
  // Ten cartons at ₹1,000, so one can come back (cartons are counted whole).
  const intra = await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-11-02", lines: [line("1000.00", "18", "19053100", "10"), line("2000.00", "5", "21069099")] });
  const inter = await issueInvoice(ctx, { connectionId: ka.id, issueDate: "2026-11-03", lines: [line("5000.00")] });
  const large = await issueInvoice(ctx, { connectionId: b2cInter.id, issueDate: "2026-11-04", lines: [line("100000.00")] });
  const small = await issueInvoice(ctx, { connectionId: b2cIntra.id, issueDate: "2026-11-05", lines: [line("1000.00"), line("400.00", "0", "07019000")] });
  const exportInv = await issueInvoice(ctx, { connectionId: b2cIntra.id, issueDate: "2026-11-06", placeOfSupply: "96", supplyType: "export_without_payment", lines: [line("30000.00")] });
  const cancelled = await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-11-07", lines: [line("700.00")] });
  await cancelInvoice(ctx, cancelled.id, { reasonCode: 2, remark: "Wrong buyer" });
  const cn = await issueCreditNote(ctx, intra.id, { reason: "RETURN", issueDate: "2026-11-20", lines: [{ originalLineId: intra.lines[0]!.id, quantity: "1" }] });
  const dn = await issueDebitNote(ctx, inter.id, { reason: "RATE_DIFFERENCE", issueDate: "2026-11-21", lines: [{ originalLineId: inter.lines[0]!.id, amount: "250.00" }] });
  const cnLarge = await issueCreditNote(ctx, large.id, { reason: "DISCOUNT", issueDate: "2026-11-22", lines: [{ originalLineId: large.lines[0]!.id, amount: "1000.00" }] });
  return { shop, ctx, docs: { intra, inter, large, small, exportInv, cancelled, cn, dn, cnLarge } };
}

/** The sales register straight from the table: invoices + debit notes − credit notes, cancelled left out. */
async function register(companyId: string) {
  const [r] = await prisma.$queryRaw<{ taxable: Prisma.Decimal; igst: Prisma.Decimal; cgst: Prisma.Decimal; sgst: Prisma.Decimal }[]>`
    SELECT sum(s * "taxableTotal") AS taxable, sum(s * "igstTotal") AS igst, sum(s * "cgstTotal") AS cgst, sum(s * "sgstTotal") AS sgst
    FROM (SELECT *, CASE WHEN type = 'CREDIT_NOTE' THEN -1 ELSE 1 END AS s FROM "Invoice") i
    WHERE "companyId" = ${companyId} AND status = 'ISSUED' AND "issueDate" BETWEEN '2026-11-01' AND '2026-11-30'`;
  return { taxable: r!.taxable.toFixed(2), igst: r!.igst.toFixed(2), cgst: r!.cgst.toFixed(2), sgst: r!.sgst.toFixed(2) };
}

describe("GSTR-1 of a seeded month", () => {
  it("ties to the sales register; every document is in its section; doc_issue counts the series with the cancelled one", async () => {
    const { shop, ctx, docs } = await seedMonth();
    const r = await getGstr1(ctx, { fp: "112026" });
    const books = await register(shop.co);
    expect(r.tieOut.register).toMatchObject(books);
    expect(r.tieOut.sections).toMatchObject(books);
    expect(r.tieOut.hsn).toEqual(r.tieOut.sections);
    expect(r.tieOut.checks.filter((c) => !c.ok)).toEqual([]);

    const j = r.json;
    expect([j.gstin, j.fp, j.version, j.hash]).toEqual([shop.company.gstin, "112026", "GST3.0.4", "hash"]);
    expect(j.b2b!.flatMap((g) => g.inv.map((i) => i.inum)).sort()).toEqual([docs.intra.number, docs.inter.number].sort());
    expect(j.b2cl).toEqual([{ pos: "29", inv: [expect.objectContaining({ inum: docs.large.number, idt: "04-11-2026" })] }]);
    expect(j.b2cs!.map((x) => [x.sply_ty, x.pos])).toEqual([["INTRA", "27"]]);
    expect(j.exp).toEqual([{ exp_typ: "WOPAY", inv: [expect.objectContaining({ inum: docs.exportInv.number })] }]);
    expect(j.cdnr!.flatMap((g) => g.nt.map((n) => [n.nt_num, n.ntty]))).toEqual([[docs.cn.number, "C"], [docs.dn.number, "D"]]);
    expect(j.cdnur).toEqual([expect.objectContaining({ typ: "B2CL", nt_num: docs.cnLarge.number, pos: "29" })]);
    expect(j.nil).toEqual({ inv: [{ sply_ty: "INTRAB2C", expt_amt: 0, nil_amt: 400, ngsup_amt: 0 }] });
    expect(Object.keys(j.hsn!)).toEqual(["hsn_b2b", "hsn_b2c"]);
    expect(j.doc_issue!.doc_det.map((d) => [d.doc_num, d.docs.map((x) => [x.totnum, x.cancel, x.net_issue])])).toEqual([
      [1, [[6, 1, 5]]],
      [4, [[1, 0, 1]]],
      [5, [[2, 0, 2]]],
    ]);
    // Only the export's missing shipping bill, as a warning.
    expect(r.problems.map((p) => [p.level, p.documentNumber, p.field])).toEqual([["warning", docs.exportInv.number, "shippingBill"]]);

    // GSTR-3B 3.1 adds up to the same books.
    const b = await getGstr3b(ctx, { fp: "112026" });
    const total = b.table31.reduce((s, x) => s.plus(x.taxable), new Prisma.Decimal(0));
    expect(total.toFixed(2)).toBe(books.taxable);
    expect(b.table31.find((x) => x.key === "b")!.documents.map((d) => d.number)).toEqual([docs.exportInv.number]);
    expect(b.table32.map((x) => x.pos)).toEqual(["29"]);
  });

  it("a line with a bad HSN is named with its document and line", async () => {
    const { shop, ctx, docs } = await seedMonth();
    // Issued lines are immutable (a trigger refuses updates): bypass it for this one transaction, as a bad import would have left it.
    await prisma.$transaction([prisma.$executeRaw`SET LOCAL session_replication_role = replica`, prisma.$executeRaw`UPDATE "InvoiceLine" SET "hsnCode" = '19A5' WHERE "invoiceId" = ${docs.intra.id} AND position = 2 AND "companyId" = ${shop.co}`]);
    const r = await getGstr1(ctx, { fp: "112026" });
    expect(r.problems.filter((p) => p.level === "error")).toEqual([expect.objectContaining({ documentId: docs.intra.id, documentNumber: docs.intra.number, line: 2, field: "hsnCode", message: `${docs.intra.number}, line 2: HSN "19A5" must be 4, 6 or 8 digits` })]);
  });
});

describe("sums from the database = sums from the lines", () => {
  // getGstr1 and getGstr3b read documents summed per rate, Table 7 and Table 12 groups and only the
  // suspect documents' lines from PostgreSQL; the reference builders add up every line in Node.
  // Both must give the same bytes, problems and tie-out — here with broken lines, units that merge
  // into one UQC, a nil-rated line, notes, a B2CL note and a cancellation.
  it("the JSON, the problems, the tie-out and GSTR-3B are the same both ways", async () => {
    const { shop, ctx, docs } = await seedMonth();
    const mixed = await issueInvoice(ctx, {
      connectionId: shop.connection.id,
      issueDate: "2026-11-08",
      lines: [
        { ...line("100.00", "12", "04051000", "3"), unit: "KGS", description: "Butter 500 g tub" },
        { ...line("250.00", "12", "04051000", "2"), unit: "KG", description: "Butter (white) 1 kg" },
        { ...line("80.00", "5", "09023010", "4"), unit: "PCS", description: "  Black tea, a description longer than thirty characters  " },
        line("500.00", "0", "07019000"),
      ],
    });
    // Broken as a bad import would leave them (issued lines are immutable: bypass the trigger for this transaction).
    await prisma.$transaction([
      prisma.$executeRaw`SET LOCAL session_replication_role = replica`,
      prisma.$executeRaw`UPDATE "InvoiceLine" SET "hsnCode" = '19A5' WHERE "invoiceId" = ${docs.intra.id} AND position = 2 AND "companyId" = ${shop.co}`,
      prisma.$executeRaw`UPDATE "InvoiceLine" SET unit = 'crate' WHERE "invoiceId" = ${docs.small.id} AND position = 1 AND "companyId" = ${shop.co}`,
      prisma.$executeRaw`UPDATE "InvoiceLine" SET "cgstAmount" = "cgstAmount" + 5, "sgstAmount" = "sgstAmount" + 5, "lineTotal" = "lineTotal" + 10 WHERE "invoiceId" = ${mixed.id} AND position = 1 AND "companyId" = ${shop.co}`,
      prisma.$executeRaw`UPDATE "Invoice" SET "grandTotal" = "grandTotal" + 1 WHERE id = ${docs.inter.id} AND "companyId" = ${shop.co}`,
    ]);
    const fast = await getGstr1(ctx, { fp: "112026" });
    const documents = await loadGstDocuments(ctx, shop.co, "2026-11-01", "2026-11-30");
    const ref = buildGstr1({ gstin: shop.company.gstin!, fp: "112026", aato: fast.turnover, documents, otherPeriodNumbers: await otherPeriodNumbers(ctx, shop.co, documents, "2026-11-01", "2026-11-30") });
    expect(JSON.stringify(fast.json)).toBe(JSON.stringify(ref.json));
    const problems = validateGstr1(ref.inPeriod, ref.series, { aato: fast.turnover });
    expect([...new Set(problems.map((p) => p.code))].sort()).toEqual(["cgstTotal", "grandTotal", "gstRate", "hsnCode", "sgstTotal", "shippingBill", "unit"]);
    expect(fast.problems).toEqual(problems);
    expect(fast.tieOut).toEqual(tieOut(ref));
    // The butter lines (KGS and KG) are one Table 12 row named by the first line.
    const hsn = fast.json.hsn as { hsn_b2b: { hsn_sc: string; desc: string; uqc: string; qty: number }[] };
    expect(hsn.hsn_b2b.filter((r) => r.hsn_sc === "04051000")).toEqual([expect.objectContaining({ desc: "Butter 500 g tub", uqc: "KGS", qty: 5 })]);
    expect(JSON.stringify(await getGstr3b(ctx, { fp: "112026" }))).toBe(JSON.stringify({ period: fast.period, ...buildGstr3b(documents) }));
  });
});

describe("backdated documents", () => {
  it("a number taken by a later month splits November's range instead of counting as missing", async () => {
    const shop = await orderShop({ now: new Date("2026-12-03T06:30:00Z") });
    const ctx = shop.ctxOf(shop.owner);
    const a = await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-11-10", lines: [line("100.00")] });
    const b = await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-12-02", lines: [line("100.00")] });
    const c = await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-11-25", lines: [line("100.00")] });
    const nov = await getGstr1(ctx, { fp: "112026" });
    expect(nov.json.doc_issue!.doc_det[0]!.docs.map((r) => [r.from, r.to, r.totnum, r.cancel])).toEqual([
      [a.number, a.number, 1, 0],
      [c.number, c.number, 1, 0],
    ]);
    expect(nov.problems).toEqual([]);
    expect(nov.tieOut.ok).toBe(true);
    const dec = await getGstr1(ctx, { fp: "122026" });
    expect(dec.json.doc_issue!.doc_det[0]!.docs.map((r) => [r.from, r.to, r.totnum])).toEqual([[b.number, b.number, 1]]);
  });
});

describe("tenancy, permission and bad input", () => {
  it("another company's documents never appear, through the function or the routes", async () => {
    const a = await seedMonth();
    const b = await orderShop({ now: NOW });
    await issueInvoice(b.ctxOf(b.owner), { connectionId: b.connection.id, issueDate: "2026-11-10", lines: [line("777.00")] });
    const ra = await getGstr1(a.ctx, { fp: "112026" });
    expect(JSON.stringify(ra.json)).not.toContain("777");
    // Five live invoices (one of six cancelled) and three notes.
    expect(ra.tieOut.register.documents).toBe(8);

    const tb = await token(b.owner);
    const res = await call(gstr1Route.GET, { path: "/api/v1/gst-returns/gstr1?fp=112026", token: tb });
    expect(res.status).toBe(200);
    expect(res.json.gstin).toBe(b.company.gstin);
    expect(res.json.b2b).toEqual([{ ctin: b.retailer.gstin, inv: [expect.objectContaining({ itms: [expect.objectContaining({ itm_det: expect.objectContaining({ txval: 777 }) })] })] }]);
    expect(res.json.doc_issue.doc_det).toEqual([{ doc_num: 1, docs: [expect.objectContaining({ totnum: 1, cancel: 0 })] }]);
    expect(res.json.b2cl).toBeUndefined();
    const p = await call(problemsRoute.GET, { path: "/api/v1/gst-returns/gstr1/problems?fp=112026", token: tb });
    expect(p.json.tieOut.register.documents).toBe(1);
    const r3 = await call(gstr3bRoute.GET, { path: "/api/v1/gst-returns/gstr3b?fp=112026", token: tb });
    expect(r3.json.table31.flatMap((x: { documents: { documentId: string }[] }) => x.documents.map((d) => d.documentId))).not.toContain(a.docs.intra.id);
  });

  it("a bad period is 422 naming fp (or frequency); roles without reports.read get 403; retailers too", async () => {
    const shop = await orderShop({ now: NOW });
    const t = await token(shop.owner);
    for (const q of ["", "fp=", "fp=2026-11", "fp=132026", "fp=062017", "fp=112026&frequency=quarterly"]) {
      const res = await call(gstr1Route.GET, { path: `/api/v1/gst-returns/gstr1?${q}`, token: t });
      expect(res.status, q).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
      expect(Object.keys(res.json.errors), q).toEqual(["fp"]);
    }
    const freq = await call(gstr3bRoute.GET, { path: "/api/v1/gst-returns/gstr3b?fp=112026&frequency=yearly", token: t });
    expect([freq.status, Object.keys(freq.json.errors)]).toEqual([422, ["frequency"]]);
    const warehouse = await shop.staffAs("WAREHOUSE");
    expect((await rejects(getGstr1(warehouse, { fp: "112026" }))).code).toBe("forbidden");
    const wt = await token(warehouse.actor);
    for (const route of [gstr1Route, problemsRoute, xlsxRoute, gstr3bRoute, coverageRoute]) expect((await call(route.GET, { path: "/api/v1/gst-returns/x?fp=112026", token: wt })).status).toBe(403);
    const rt = await token(shop.retailerActor);
    expect((await call(gstr1Route.GET, { path: "/api/v1/gst-returns/gstr1?fp=112026", token: rt })).status).toBe(403);
    expect((await call(gstr1Route.GET, { path: "/api/v1/gst-returns/gstr1?fp=112026" })).status).toBe(401);
    // An accountant may.
    const accountant = await shop.staffAs("ACCOUNTANT");
    expect((await getGstr1(accountant, { fp: "112026" })).json).toEqual({ gstin: shop.company.gstin, fp: "112026", version: "GST3.0.4", hash: "hash" });
  });
});

describe("bad query values", () => {
  it("huge, negative, NaN, long or broken values of every parameter are a 4xx problem, never a 5xx", async () => {
    const shop = await orderShop({ now: NOW });
    const t = await token(shop.owner);
    const failures: string[] = [];
    for (const route of [gstr1Route, problemsRoute, xlsxRoute, gstr3bRoute, coverageRoute]) {
      for (const name of ["fp", "frequency", "download"]) {
        for (const v of ["-1", "NaN", "1e308", "9223372036854775808", "x".repeat(10_000), "😀e\u0301", "%FF", "000000", "122099"]) {
          const q = name === "fp" ? `fp=${v === "%FF" ? v : encodeURIComponent(v)}` : `fp=112026&${name}=${v === "%FF" ? v : encodeURIComponent(v)}`;
          const res = await route.GET(new Request(`http://localhost/api/v1/gst-returns/x?${q}`, { headers: { authorization: `Bearer ${t}` } }), { params: Promise.resolve({}) });
          await res.arrayBuffer();
          if (res.status >= 500 || (res.status >= 400 && !res.headers.get("content-type")?.startsWith("application/problem+json"))) failures.push(`${name}=${v.slice(0, 12)}: ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("downloads and coverage", () => {
  it("the JSON downloads as a file; the workbook streams with the offline tool's sheets and headers", async () => {
    const { shop, docs } = await seedMonth();
    const t = await token(shop.owner);
    const json = await call(gstr1Route.GET, { path: "/api/v1/gst-returns/gstr1?fp=112026&download=1", token: t });
    expect(json.headers.get("content-disposition")).toBe(`attachment; filename="GSTR1_${shop.company.gstin}_112026.json"`);

    const res = await xlsxRoute.GET(new Request("http://localhost/api/v1/gst-returns/gstr1/xlsx?fp=112026", { headers: { authorization: `Bearer ${t}` } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(".xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["b2b,sez,de", "b2cl", "b2cs", "cdnr", "cdnur", "exp", "exemp", "hsn(b2b)", "hsn(b2c)", "docs"]);
    const b2b = wb.getWorksheet("b2b,sez,de")!;
    expect(b2b.getRow(4).values).toEqual([undefined, "GSTIN/UIN of Recipient", "Receiver Name", "Invoice Number", "Invoice date", "Invoice Value", "Place Of Supply", "Reverse Charge", "Applicable % of Tax Rate", "Invoice Type", "E-Commerce GSTIN", "Rate", "Taxable Value", "Cess Amount"]);
    const numbers = [];
    for (let i = 5; i <= b2b.rowCount; i++) numbers.push(b2b.getRow(i).getCell(3).value);
    expect(new Set(numbers)).toEqual(new Set([docs.intra.number, docs.inter.number]));
    expect(wb.getWorksheet("docs")!.getRow(5).values).toEqual([undefined, "Invoices for outward supply", docs.intra.number, docs.cancelled.number, 6, 1]);
  });

  it("coverage: IRN missing past the 30-day window, IRN cancelled, e-way bill expiring, e-way bill missing", async () => {
    const shop = await orderShop({ now: NOW });
    const ctx = shop.ctxOf(shop.owner);
    await prisma.billingSettings.create({ data: { companyId: shop.co, eInvoiceEnabled: false } });
    const old = await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-10-20", lines: [line("60000.00")] });
    const recent = await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-11-25", lines: [line("100.00")] });
    await prisma.billingSettings.update({ where: { companyId: shop.co }, data: { eInvoiceEnabled: true } });
    await prisma.invoice.update({ where: { id: recent.id }, data: { ewayBillNo: "331000000001", ewayBillValidUntil: new Date(NOW.getTime() + 20 * 3600_000), irnCancelledAt: new Date("2026-11-26T05:00:00Z") } });
    const oct = await getGstCoverage(ctx, { fp: "102026" });
    expect(oct.missingIrn.map((d) => [d.number, d.ageDays, d.windowPassed])).toEqual([[old.number, 41, true]]);
    expect(oct.ewayMissing.map((d) => d.number)).toEqual([old.number]);
    expect(oct.ewayExpiring.map((d) => [d.number, d.expired])).toEqual([[recent.number, false]]);
    const nov = await getGstCoverage(ctx, { fp: "112026" });
    expect(nov.missingIrn.map((d) => [d.number, d.windowPassed])).toEqual([[recent.number, false]]);
    expect(nov.cancelledIrns.map((d) => d.number)).toEqual([recent.number]);
    const other = await orderShop({ now: NOW });
    expect(await getGstCoverage(other.ctxOf(other.owner), { fp: "102026" })).toMatchObject({ missingIrn: [], cancelledIrns: [], ewayExpiring: [], ewayMissing: [] });
  });

  it("the OpenAPI document lists the GST return routes with their fp parameter", async () => {
    const doc = (await call(openapi.GET, { path: "/api/v1/openapi.json" })).json;
    for (const p of ["/api/v1/gst-returns/gstr1", "/api/v1/gst-returns/gstr1/problems", "/api/v1/gst-returns/gstr1/xlsx", "/api/v1/gst-returns/gstr3b", "/api/v1/gst-returns/coverage"]) {
      expect(doc.paths[p].get.parameters.map((x: { name: string }) => x.name)).toEqual(["fp", "frequency"]);
    }
  });
});

