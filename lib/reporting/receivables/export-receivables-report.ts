import "server-only";
// A view of the receivables report as a CSV or XLSX download: the same rows and totals the screen
// shows, with the view's inputs written above the table; streamed (lib/reporting/export/stream-table.ts).
// The ageing is the billing domain's own (getAgeing, through getReceivablesAgeing), read page by page.
import { paymentMethodLabels } from "@/lib/billing/payments.schemas";
import { onReplica, type Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { streamTable, type ExportCell, type StreamedFile } from "@/lib/reporting/export/stream-table";
import { assertCanSeeReport } from "@/lib/reporting/report-access";
import { exportFormat } from "@/lib/reporting/sales/sales.schemas";
import { getCollections } from "./get-collections";
import { getCreditUsage } from "./get-credit-usage";
import { getDso } from "./get-dso";
import { getReceivablesAgeing } from "./get-receivables-ageing";
import type { ReceivablesView } from "./receivables.schemas";

const EXPORT_LIMIT = 10_000;
const AGEING_PAGE = 200;

export const collectionGroupingLabels = { day: "Day", week: "Week", month: "Month", mode: "Mode of payment", retailer: "Retailer" } as const;
export const creditStateLabels = { over: "Over limit", near: "Near limit", ok: "Within limit", no_limit: "No limit" } as const;

export async function exportReceivablesReport(ctx: Ctx, view: ReceivablesView, input: Record<string, unknown>): Promise<StreamedFile> {
  ctx = onReplica(ctx);
  assertCanSeeReport(ctx.actor, "receivables");
  const { format: rawFormat, ...rest } = input;
  const format = exportFormat.safeParse(rawFormat ?? "csv");
  if (!format.success) throw new AppError("validation", "format must be csv or xlsx", { fieldErrors: { format: ["Must be csv or xlsx"] } });
  const filterLines = (f: Record<string, string | undefined>) => Object.entries(f).map(([k, v]) => [k === "method" ? "Mode" : k, k === "method" ? paymentMethodLabels[v as keyof typeof paymentMethodLabels] : String(v)] as [string, string]);

  switch (view) {
    case "collections": {
      const r = await getCollections(ctx, { ...rest, limit: EXPORT_LIMIT });
      async function* rows(): AsyncGenerator<ExportCell[]> {
        for (const g of r.groups) yield [g.name, g.code, g.key, g.receipts, g.received, g.refunds, g.refunded, g.net];
        const t = r.totals;
        yield ["Total", null, null, t.receipts, t.received, t.refunds, t.refunded, t.net];
      }
      return streamTable(
        format.data,
        {
          sheet: "Collections",
          basename: `collections-${r.groupBy}-${r.from}-to-${r.to}`,
          title: [["Collections", `${r.from} to ${r.to}`], ["Grouped by", collectionGroupingLabels[r.groupBy]], ...filterLines(r.filters), ["Notes", "Recorded receipts by the day the money moved; refunds netted; voided payments left out; amounts in rupees"]],
          columns: [
            { header: collectionGroupingLabels[r.groupBy], width: 32 },
            { header: "Code" },
            { header: "Key" },
            { header: "Receipts", kind: "quantity" },
            { header: "Received", kind: "money" },
            { header: "Refunds", kind: "quantity" },
            { header: "Refunded", kind: "money" },
            { header: "Net collected", kind: "money" },
          ],
        },
        rows(),
      );
    }
    case "dso": {
      const r = await getDso(ctx, { ...rest, limit: EXPORT_LIMIT });
      async function* rows(): AsyncGenerator<ExportCell[]> {
        for (const g of r.rows) yield [g.name, g.code, g.key, g.from, g.to, g.days, g.creditSales, g.receivables, g.dso];
        const t = r.totals;
        yield ["Whole range", null, null, t.from, t.to, t.days, t.creditSales, t.receivables, t.dso];
      }
      return streamTable(
        format.data,
        {
          sheet: "DSO",
          basename: `dso-${r.groupBy}-${r.from}-to-${r.to}`,
          title: [["Days sales outstanding", `${r.from} to ${r.to}`], ["Formula", "DSO = receivables at the end of the period ÷ credit sales of the period × days in the period"], ...filterLines(r.filters), ["Notes", "Receivables: ledger balance on the last day; credit sales: invoices and debit notes less credit notes, with GST"]],
          columns: [
            { header: r.groupBy === "retailer" ? "Retailer" : r.groupBy === "week" ? "Week" : "Month", width: 32 },
            { header: "Code" },
            { header: "Key" },
            { header: "From", kind: "date" },
            { header: "To", kind: "date" },
            { header: "Days", kind: "quantity" },
            { header: "Credit sales", kind: "money" },
            { header: "Receivables at end", kind: "money" },
            { header: "DSO (days)", kind: "quantity" },
          ],
        },
        rows(),
      );
    }
    case "credit": {
      const r = await getCreditUsage(ctx, { ...rest, limit: EXPORT_LIMIT });
      async function* rows(): AsyncGenerator<ExportCell[]> {
        for (const u of r.rows) yield [u.name, u.customerCode, u.status, u.paymentTermsDays, u.creditLimit, u.outstanding, u.openOrders, u.exposure, u.usedPercent, u.headroom, creditStateLabels[u.state], u.onHold.orders, u.onHold.value];
        const t = r.totals;
        yield ["Total", null, null, null, t.creditLimit, null, null, t.exposure, null, null, `${t.over} over, ${t.near} near`, t.onHoldOrders, t.onHoldValue];
      }
      return streamTable(
        format.data,
        {
          sheet: "Credit limits",
          basename: `credit-limits-${r.asOf}`,
          title: [["Retailer credit-limit usage", `As of ${r.asOf}`], ...(r.status !== "all" ? [["Showing", r.status] as [string, string]] : []), ...filterLines(r.filters), ["Notes", "Exposure = ledger outstanding + open orders not yet invoiced (what the order credit check uses); a limit of 0 means no limit"]],
          columns: [
            { header: "Retailer", width: 32 },
            { header: "Customer code" },
            { header: "Status" },
            { header: "Terms (days)", kind: "quantity" },
            { header: "Credit limit", kind: "money" },
            { header: "Outstanding", kind: "money" },
            { header: "Open orders", kind: "money" },
            { header: "Exposure", kind: "money" },
            { header: "% used", kind: "quantity" },
            { header: "Headroom", kind: "money" },
            { header: "State" },
            { header: "Orders on hold", kind: "quantity" },
            { header: "On hold value", kind: "money" },
          ],
        },
        rows(),
      );
    }
    case "ageing": {
      const first = await getReceivablesAgeing(ctx, { ...rest, page: 1, pageSize: AGEING_PAGE });
      async function* rows(): AsyncGenerator<ExportCell[]> {
        let page = first;
        for (;;) {
          for (const r of page.rows) {
            const b = r.buckets;
            yield [r.name, r.customerCode, r.paymentTermsDays, b.notDue, b.d0_30, b.d31_60, b.d61_90, b.d90_plus, b.unappliedCredit, b.total];
          }
          if (page.rows.length < AGEING_PAGE) break;
          page = await getReceivablesAgeing(ctx, { ...rest, asOf: first.asOf, page: page.page + 1, pageSize: AGEING_PAGE });
        }
        const t = first.totals;
        yield ["All retailers", null, null, t.notDue, t.d0_30, t.d31_60, t.d61_90, t.d90_plus, t.unappliedCredit, t.total];
      }
      return streamTable(
        format.data,
        {
          sheet: "Ageing",
          basename: `ageing-${first.asOf}`,
          title: [["Receivables ageing as of", first.asOf], ["Notes", "Open amounts by days past the due date; unapplied credit (advances, credit notes) negative; total = ledger balance"]],
          columns: [
            { header: "Retailer", width: 32 },
            { header: "Customer code" },
            { header: "Terms (days)", kind: "quantity" },
            { header: "Not due", kind: "money" },
            { header: "1–30 days", kind: "money" },
            { header: "31–60 days", kind: "money" },
            { header: "61–90 days", kind: "money" },
            { header: "90+ days", kind: "money" },
            { header: "Unapplied credit", kind: "money" },
            { header: "Total", kind: "money" },
          ],
        },
        rows(),
      );
    }
  }
}
