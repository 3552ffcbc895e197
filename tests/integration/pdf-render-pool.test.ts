// PDFs are drawn on worker threads (lib/pdf/render-pool.ts): a document rendered on the pool says
// exactly what the same renderer says in the process; renders queue for the pool's thread and all
// come back; a renderer's error fails only its own render; a stopped pool starts again on demand.
process.env.PDF_RENDER_THREADS = "1";

import { afterAll, describe, expect, it } from "vitest";
import { getLedger } from "@/lib/billing/get-ledger";
import { loadInvoiceDocument } from "@/lib/billing/invoice-access";
import { prisma } from "@/lib/db/client";
import { renderPdf, renderPoolState, renderThreads, stopRenderPool } from "@/lib/pdf/render-pool";
import { renderers } from "@/lib/pdf/renderers";
import { getSystemHealth } from "@/lib/system/get-system-health";
import { insertInvoiceRow } from "../support/billing-factories";
import { orderShop } from "../support/order-factories";
import { readPdf } from "../support/pdf-text";

const extras = { logo: null, settings: { invoiceTerms: "Goods once sold will not be taken back.", signatoryName: "Meena Shah" } };

afterAll(() => stopRenderPool());

describe("the PDF render pool", () => {
  it("renders an invoice and a statement on its thread exactly as the renderer does in the process", async () => {
    expect(renderThreads()).toBe(1);
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-01", dueDate: "2026-12-01" });
    const doc = await loadInvoiceDocument(prisma, shop.staff.actor, inv.id);

    const pooled = await renderPdf("invoice", doc, extras);
    expect(renderPoolState()).toEqual({ threads: 1, busy: 0, queued: 0 });
    const inProcess = await renderers.invoice(doc, extras);
    expect(readPdf(pooled).pages).toEqual(readPdf(inProcess).pages);
    // Decimals crossed as Decimals (amounts in words and Indian digit groups), Dates as Dates.
    expect(readPdf(pooled).text).toContain("Rupees One Thousand One Hundred Eighty Only");
    expect(readPdf(pooled).text).toContain("Meena Shah");

    const ledger = await getLedger(shop.staff, { connectionId: shop.connection.id, from: "2026-04-01", to: "2026-11-30" });
    expect(readPdf(await renderPdf("statement", ledger)).pages).toEqual(readPdf(await renderers.statement(ledger)).pages);
  });

  it("queues renders for its one thread and answers every one", async () => {
    const shop = await orderShop();
    const docs = await Promise.all(
      ["1180.00", "2360.00", "590.00", "4720.00"].map(async (grandTotal) => loadInvoiceDocument(prisma, shop.staff.actor, (await insertInvoiceRow(shop, { grandTotal, issueDate: "2026-11-02" })).id)),
    );
    const renders = docs.map((d) => renderPdf("invoice", d, extras));
    expect(renderPoolState()).toEqual({ threads: 1, busy: 1, queued: 3 });
    const pdfs = await Promise.all(renders);
    pdfs.forEach((bytes, i) => expect(readPdf(bytes).text).toContain(docs[i].number));
    expect(renderPoolState()).toEqual({ threads: 1, busy: 0, queued: 0 });
  });

  it("fails only the render whose renderer threw, keeps the thread, and starts again after a stop", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-03" });
    const doc = await loadInvoiceDocument(prisma, shop.staff.actor, inv.id);
    const broken = { ...doc, seller: null } as unknown as typeof doc;
    const [bad, good] = await Promise.allSettled([renderPdf("invoice", broken, extras), renderPdf("invoice", doc, extras)]);
    expect(bad.status).toBe("rejected");
    expect(String((bad as PromiseRejectedResult).reason)).toMatch(/failed to render/);
    expect(good.status === "fulfilled" && readPdf(good.value).text).toContain(inv.number);
    expect(renderPoolState().threads).toBe(1);

    const running = renderPdf("invoice", doc, extras).catch((err: Error) => err);
    await stopRenderPool();
    expect(String(await running)).toMatch(/stopped/);
    expect(renderPoolState()).toEqual({ threads: 0, busy: 0, queued: 0 });
    expect(readPdf(await renderPdf("invoice", doc, extras)).text).toContain(inv.number);
    expect(renderPoolState().threads).toBe(1);
  });

  it("Settings → System health shows this process's threads: how many it may use, started, drawing and waiting", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-04" });
    const doc = await loadInvoiceDocument(prisma, shop.staff.actor, inv.id);
    await stopRenderPool();
    expect((await getSystemHealth(shop.staff)).instance.pdfRendering).toEqual({ threads: 1, started: 0, busy: 0, queued: 0 });
    const two = [renderPdf("invoice", doc, extras), renderPdf("invoice", doc, extras)];
    expect((await getSystemHealth(shop.staff)).instance.pdfRendering).toEqual({ threads: 1, started: 1, busy: 1, queued: 1 });
    await Promise.all(two);
    expect((await getSystemHealth(shop.staff)).instance.pdfRendering).toEqual({ threads: 1, started: 1, busy: 0, queued: 0 });
  });
});
