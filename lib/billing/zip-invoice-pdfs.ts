import "server-only";
// A month's invoices for the accountant: the PDFs of the documents the invoices list shows under its
// filters (the same query parameters as GET /api/v1/invoices and its export), or of the rows picked
// (`ids`, at most 1000), as one ZIP streamed as it is built: documents are read 100 at a time by
// keyset, each PDF is taken from the document storage (rendered and stored first when missing or out
// of date) and written out before the next is read, so neither the list nor the ZIP is ever held
// whole. Staff need billing.read (their company's documents), a retailer gets its own; another
// tenant's ids are left out as if they did not exist, and when none is left the answer is 404.
import { z } from "zod";
import { listInvoicesInput } from "@/lib/billing/billing.schemas";
import { invoiceScope } from "@/lib/billing/invoice-access";
import { baseWhere, typeWhere } from "@/lib/billing/list-invoices";
import { pdfHeadSelect, pdfOf, pdfRevision } from "@/lib/billing/stored-invoice-pdf";
import { MAX_ZIP_DOCUMENTS, MAX_ZIP_IDS } from "@/lib/billing/zip-limits";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { dayToDbDate, isCalendarDay, istDay } from "@/lib/pricing/dates";
import { keyset, type SortField } from "@/lib/reporting/lists/export-invoices";
import { toReadableStream, zipStream, type ZipEntry } from "@/lib/storage/zip-writer";
import type { StreamedFile } from "@/lib/reporting/export/stream-table";
import { parseInput } from "@/lib/validation";

const PAGE = 100;
/** Stored PDFs read ahead of the one being written, to hide storage latency (S3). */
const AHEAD = 4;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const zipInvoicePdfsInput = listInvoicesInput.omit({ offset: true, pageSize: true }).extend({
  ids: z
    .string()
    .trim()
    .optional()
    .transform((v, c) => {
      if (v === undefined) return undefined;
      const ids = [...new Set(v.split(",").map((s) => s.trim()).filter(Boolean))];
      if (ids.length === 0) c.addIssue({ code: "custom", message: "ids must list at least one invoice id" });
      else if (ids.length > MAX_ZIP_IDS) c.addIssue({ code: "custom", message: `ids may list at most ${MAX_ZIP_IDS} invoices` });
      else if (!ids.every((id) => ID.test(id))) c.addIssue({ code: "custom", message: "ids must be invoice ids separated by commas" });
      return ids;
    }),
});

export async function zipInvoicePdfs(ctx: Ctx, input: unknown): Promise<StreamedFile & { documents: number }> {
  const scope = invoiceScope(ctx.actor);
  const { ids, ...q } = parseInput(zipInvoicePdfsInput, input ?? {});
  for (const field of ["from", "to"] as const) {
    const day = q[field];
    if (day && !isCalendarDay(day)) throw new AppError("validation", `${field} is not a calendar day`, { fieldErrors: { [field]: ["Not a calendar day"] } });
  }
  const todayDay = istDay(ctx.now());
  const where: Prisma.InvoiceWhereInput = { AND: [baseWhere(ctx, ctx.actor, scope, { ...q, offset: 0, pageSize: PAGE }, dayToDbDate(todayDay)), typeWhere(q.type), ...(ids ? [{ id: { in: ids } }] : [])] };
  const documents = await ctx.db.invoice.count({ where });
  if (ids && documents === 0) throw notFound("Invoice");
  if (documents > MAX_ZIP_DOCUMENTS) {
    throw new AppError("validation", `${documents} documents match: a ZIP holds at most ${MAX_ZIP_DOCUMENTS}; narrow the dates (from, to) or the filters`, { fieldErrors: { from: [`At most ${MAX_ZIP_DOCUMENTS} documents per ZIP`] } });
  }
  const [field, dir] = q.sort.startsWith("-") ? [q.sort.slice(1) as SortField, "desc" as const] : [q.sort as SortField, "asc" as const];
  const db = ctx.db;
  const actor = ctx.actor;

  async function* heads() {
    let after: Record<string, unknown> | undefined;
    for (;;) {
      const page = await db.invoice.findMany({
        where: after ? { AND: [where, ...keyset(field, dir, after)] } : where,
        orderBy: [{ [field]: dir }, { number: dir }, { id: dir }],
        take: PAGE,
        select: { ...pdfHeadSelect, issueDate: true, dueDate: true, grandTotal: true, createdAt: true },
      });
      yield* page;
      if (page.length < PAGE) return;
      after = page[page.length - 1]!;
    }
  }

  async function* entries(): AsyncGenerator<ZipEntry> {
    const names = new Set<string>();
    const queue: { name: string; modified: Date; pdf: ReturnType<typeof pdfOf> }[] = [];
    const take = async () => {
      const next = queue.shift()!;
      return { name: next.name, modified: next.modified, bytes: (await next.pdf).bytes };
    };
    for await (const h of heads()) {
      const stored = h.pdf?.revision === pdfRevision(h);
      // A PDF still to render is CPU work on this thread: render it alone, after what is queued, so the
      // first bytes wait for one render, not for several interleaved.
      if (!stored) while (queue.length) yield await take();
      const pdf = pdfOf(db, actor, h);
      pdf.catch(() => {}); // awaited in order below; this only keeps an early failure from going unhandled
      queue.push({ name: uniqueName(names, h.number), modified: h.createdAt, pdf });
      if (!stored || queue.length > AHEAD) yield await take();
    }
    while (queue.length) yield await take();
  }

  const chunks = zipStream(entries());
  async function* logged() {
    try {
      yield* chunks;
    } catch (err) {
      log("error", "invoice PDF ZIP failed while streaming", { requestId: ctx.requestId, error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  }
  const range = q.from || q.to ? `${q.from ?? "start"}-to-${q.to ?? todayDay}` : todayDay;
  return { filename: `invoices-${range}.zip`, contentType: "application/zip", body: toReadableStream(logged()), documents };
}

/** INV-25-26-000123.pdf; a retailer's documents from two vendors may share a number, so a repeat gets " (2)". */
function uniqueName(names: Set<string>, number: string): string {
  const base = number.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "document";
  let name = `${base}.pdf`;
  for (let i = 2; names.has(name); i++) name = `${base} (${i}).pdf`;
  names.add(name);
  return name;
}
