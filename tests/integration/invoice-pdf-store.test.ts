// Stored document PDFs: rendered once (by the job queued at issue, or by the first download), kept in
// the document storage with their SHA-256, served with a strong ETag (304 on If-None-Match, immutable
// under ?v=<sha256>), checked on every read (a damaged file is rendered again), rendered again once
// when the document is cancelled (with the mark), and never to another tenant. Then the ZIP of the
// invoices list: every PDF of the filtered documents or of the ids picked, streamed; bad input 400
// naming the field; other tenants' ids left out, 404 when none is left.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as zipRoute from "@/app/api/v1/invoices/pdfs/route";
import * as invoicePdfRoute from "@/app/api/v1/invoices/[id]/pdf/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { cancelInvoice } from "@/lib/billing/cancel-invoice";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { renderInvoicePdfJob } from "@/lib/billing/render-invoice-pdf-job";
import { pdfHeadSelect, pdfRevision } from "@/lib/billing/stored-invoice-pdf";
import { prisma } from "@/lib/db/client";
import { documentStorage } from "@/lib/storage/document-storage";
import { sha256Hex } from "@/lib/storage/sigv4";
import { insertInvoiceRow } from "../support/billing-factories";
import { createRetailerUser } from "../support/factories";
import { orderShop, stockedProduct } from "../support/order-factories";
import { readPdf } from "../support/pdf-text";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function get(handler: Handler, url: string, actor: Actor, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const res = await handler(new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${await token(actor)}`, ...headers } }), { params: Promise.resolve(params) });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
const pdfUrl = (id: string, q = "") => `/api/v1/invoices/${id}/pdf${q}`;

describe("stored invoice PDFs", () => {
  it("renders once on the first download, then serves the stored bytes with a strong ETag, 304 and immutable ?v=", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-01" });
    expect(await prisma.invoicePdf.count({ where: { invoiceId: inv.id } })).toBe(0);

    const first = await get(invoicePdfRoute.GET, pdfUrl(inv.id), shop.owner, { id: inv.id });
    expect(first.status).toBe(200);
    const row = await prisma.invoicePdf.findUniqueOrThrow({ where: { invoiceId: inv.id } });
    expect(row.sha256).toBe(sha256Hex(first.bytes));
    expect(row.size).toBe(first.bytes.length);
    expect(row.companyId).toBe(shop.co);
    expect(row.storageKey).toBe(`invoices/${shop.co}/${inv.id}/${row.sha256}.pdf`);
    expect(await documentStorage().get(row.storageKey)).toEqual(first.bytes);
    expect(first.headers.get("etag")).toBe(`"${row.sha256}"`);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");

    // The retailer gets the very same bytes (not a second render).
    const second = await get(invoicePdfRoute.GET, pdfUrl(inv.id), shop.retailerActor, { id: inv.id });
    expect(second.bytes).toEqual(first.bytes);
    expect((await prisma.invoicePdf.findUniqueOrThrow({ where: { invoiceId: inv.id } })).renderedAt).toEqual(row.renderedAt);

    const notModified = await get(invoicePdfRoute.GET, pdfUrl(inv.id), shop.owner, { id: inv.id }, { "if-none-match": `W/"x", "${row.sha256}"` });
    expect(notModified.status).toBe(304);
    expect(notModified.bytes.length).toBe(0);
    expect(notModified.headers.get("etag")).toBe(`"${row.sha256}"`);
    const stale = await get(invoicePdfRoute.GET, pdfUrl(inv.id), shop.owner, { id: inv.id }, { "if-none-match": `"${"0".repeat(64)}"` });
    expect(stale.status).toBe(200);

    const pinned = await get(invoicePdfRoute.GET, pdfUrl(inv.id, `?v=${row.sha256}`), shop.owner, { id: inv.id });
    expect(pinned.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");

    // Another tenant: 404, with or without a matching ETag (no existence leak through 304).
    const other = await orderShop();
    expect((await get(invoicePdfRoute.GET, pdfUrl(inv.id), other.owner, { id: inv.id }, { "if-none-match": `"${row.sha256}"` })).status).toBe(404);
    expect((await get(invoicePdfRoute.GET, pdfUrl(inv.id), (await createRetailerUser()).actor, { id: inv.id })).status).toBe(404);
  });

  it("renders a damaged or missing stored file again instead of serving it", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "590.00", issueDate: "2026-11-02" });
    const first = await get(invoicePdfRoute.GET, pdfUrl(inv.id), shop.owner, { id: inv.id });
    const row = await prisma.invoicePdf.findUniqueOrThrow({ where: { invoiceId: inv.id } });
    await documentStorage().put(row.storageKey, Buffer.from("%PDF-1.3 truncated"), "application/pdf");
    const again = await get(invoicePdfRoute.GET, pdfUrl(inv.id), shop.owner, { id: inv.id });
    expect(again.status).toBe(200);
    expect(readPdf(again.bytes).text).toContain(inv.number);
    const now = await prisma.invoicePdf.findUniqueOrThrow({ where: { invoiceId: inv.id } });
    expect(now.sha256).toBe(sha256Hex(again.bytes));
    expect(await documentStorage().get(now.storageKey)).toEqual(again.bytes);
    expect(first.bytes.length).toBeGreaterThan(1000);
  });

  it("is rendered by the job queued at issue; cancelling queues it again and the stored PDF then carries the mark, rendered once", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, { hsnCode: "84713010" });
    const inv = await issueInvoice(shop.staff, { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "2" }] });
    const queued = async () => (await prisma.$queryRaw<{ data: { invoiceId: string; companyId: string } }[]>`SELECT data FROM pgboss.job WHERE name = 'invoice-pdf' AND data->>'invoiceId' = ${inv.id}`).map((r) => r.data);
    expect(await queued()).toEqual([{ invoiceId: inv.id, companyId: shop.co }]);
    expect(await renderInvoicePdfJob({ invoiceId: inv.id, companyId: shop.co })).toEqual({ rendered: true });
    expect(await renderInvoicePdfJob({ invoiceId: inv.id, companyId: shop.co })).toEqual({ rendered: false });
    const issued = await prisma.invoicePdf.findUniqueOrThrow({ where: { invoiceId: inv.id } });
    // The job is scoped to its company: another company's id renders nothing.
    expect(await renderInvoicePdfJob({ invoiceId: inv.id, companyId: (await orderShop()).co })).toEqual({ skipped: "not_found" });

    await cancelInvoice(shop.staff, inv.id, { reasonCode: 2, remark: "Wrong quantity" });
    expect(await queued()).toHaveLength(2);
    expect(await renderInvoicePdfJob({ invoiceId: inv.id, companyId: shop.co })).toEqual({ rendered: true });
    const cancelled = await prisma.invoicePdf.findUniqueOrThrow({ where: { invoiceId: inv.id } });
    expect(cancelled.sha256).not.toBe(issued.sha256);
    const head = await prisma.invoice.findUniqueOrThrow({ where: { id: inv.id }, select: pdfHeadSelect });
    expect(cancelled.revision).toBe(pdfRevision(head));
    // The issued PDF's file is gone; the cancelled one is what everyone gets from now on.
    expect(await documentStorage().get(issued.storageKey)).toBeNull();
    const served = await get(invoicePdfRoute.GET, pdfUrl(inv.id), shop.retailerActor, { id: inv.id });
    expect(served.headers.get("etag")).toBe(`"${cancelled.sha256}"`);
    const text = readPdf(served.bytes).text;
    expect(text).toContain("CANCELLED");
    expect(text).toContain("Wrong quantity");
    expect(await renderInvoicePdfJob({ invoiceId: inv.id, companyId: shop.co })).toEqual({ rendered: false });
  });
});

describe("GET /api/v1/invoices/pdfs (ZIP)", () => {
  async function unzip(bytes: Buffer): Promise<{ name: string; size: number; pdf: boolean }[]> {
    const dir = await mkdtemp(path.join(os.tmpdir(), "erp-inv-zip-"));
    try {
      const file = path.join(dir, "z.zip");
      await writeFile(file, bytes);
      const out = execFileSync("python3", ["-c", "import sys,zipfile,json;z=zipfile.ZipFile(sys.argv[1]);assert z.testzip() is None;print(json.dumps([[i.filename,i.file_size,z.read(i)[:5]==b'%PDF-'] for i in z.infolist()]))", file]).toString();
      return (JSON.parse(out) as [string, number, boolean][]).map(([name, size, pdf]) => ({ name, size, pdf }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it("zips the list's documents under its filters, storing the PDFs it had to render", { timeout: 120_000 }, async () => {
    const shop = await orderShop();
    const nov = [await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-03" }), await insertInvoiceRow(shop, { grandTotal: "2360.00", issueDate: "2026-11-20" })];
    await insertInvoiceRow(shop, { grandTotal: "118.00", issueDate: "2026-10-15" });
    // One of them already stored: served as stored; the other rendered and stored on the way.
    await get(invoicePdfRoute.GET, pdfUrl(nov[0]!.id), shop.owner, { id: nov[0]!.id });
    const res = await get(zipRoute.GET, "/api/v1/invoices/pdfs?from=2026-11-01&to=2026-11-30&sort=issueDate", shop.owner);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="invoices-2026-11-01-to-2026-11-30.zip"');
    expect(res.headers.get("x-document-count")).toBe("2");
    const files = await unzip(res.bytes);
    expect(files.map((f) => f.name)).toEqual(nov.map((i) => `${i.number.replaceAll("/", "-")}.pdf`));
    expect(files.every((f) => f.pdf)).toBe(true);
    expect(await prisma.invoicePdf.count({ where: { invoiceId: { in: nov.map((i) => i.id) } } })).toBe(2);
  });

  it("zips only the ids picked, leaves another tenant's out, and is 404 when none is left", { timeout: 60_000 }, async () => {
    const shop = await orderShop();
    const a = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-03" });
    await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-04" });
    const other = await orderShop();
    const theirs = await insertInvoiceRow(other, { grandTotal: "1180.00", issueDate: "2026-11-03" });
    const res = await get(zipRoute.GET, `/api/v1/invoices/pdfs?ids=${a.id},${theirs.id}`, shop.owner);
    expect(res.status).toBe(200);
    expect((await unzip(res.bytes)).map((f) => f.name)).toEqual([`${a.number.replaceAll("/", "-")}.pdf`]);
    expect(await prisma.invoicePdf.count({ where: { invoiceId: theirs.id } })).toBe(0);
    expect((await get(zipRoute.GET, `/api/v1/invoices/pdfs?ids=${theirs.id}`, shop.owner)).status).toBe(404);
    // A retailer: its own documents only.
    const mine = await get(zipRoute.GET, `/api/v1/invoices/pdfs?ids=${a.id},${theirs.id}`, shop.retailerActor);
    expect((await unzip(mine.bytes)).map((f) => f.name)).toEqual([`${a.number.replaceAll("/", "-")}.pdf`]);
  });

  it("refuses bad input with 400 naming the field, rendering nothing", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-03" });
    const problem = async (q: string) => {
      const res = await get(zipRoute.GET, `/api/v1/invoices/pdfs?${q}`, shop.owner);
      return { status: res.status, body: JSON.parse(res.bytes.toString()) as { errors?: Record<string, string[]>; code: string } };
    };
    for (const q of ["ids=", "ids=a'b", `ids=${Array.from({ length: 1001 }, (_, i) => `x${i}`).join(",")}`]) {
      const p = await problem(q);
      expect(p.status, q.slice(0, 20)).toBe(400);
      expect(Object.keys(p.body.errors ?? {})).toContain("ids");
    }
    const badDay = await problem("from=2026-02-30");
    expect(badDay.status).toBe(400);
    expect(Object.keys(badDay.body.errors ?? {})).toContain("from");
    expect((await problem("format=csv")).status).toBe(400);
    expect((await problem("sort=buyer")).status).toBe(400);
    expect(await prisma.invoicePdf.count({ where: { invoiceId: inv.id } })).toBe(0);
    // Staff without billing.read: forbidden.
    const packer = await shop.staffAs("DRIVER");
    const denied = await get(zipRoute.GET, "/api/v1/invoices/pdfs", packer.actor);
    expect(denied.status).toBe(403);
  });
});
