import "server-only";
// A view of the stock report as a CSV or XLSX download: the same rows and totals the screen shows,
// with the view's inputs written above the table; streamed (lib/reporting/export/stream-table.ts).
import { onReplica, type Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { streamTable, type ExportCell, type ExportColumn, type StreamedFile } from "@/lib/reporting/export/stream-table";
import { assertCanSeeReport } from "@/lib/reporting/report-access";
import { exportFormat } from "@/lib/reporting/sales/sales.schemas";
import { ageingBucketLabels, getStockAgeing } from "./get-stock-ageing";
import { getStockMovements, movementColumns, type MovementFigures } from "./get-stock-movements";
import { getReorderSuggestions } from "./get-reorder-suggestions";
import { getStockValuation } from "./get-stock-valuation";
import type { StockView } from "./stock.schemas";

const EXPORT_LIMIT = 10_000;

export const movementColumnLabels: Record<(typeof movementColumns)[number], string> = {
  opening: "Opening",
  receipts: "Receipts",
  returns: "Returns",
  transfersIn: "Transfers in",
  adjustmentsIn: "Adjustments +",
  in: "Total in",
  dispatches: "Dispatches",
  transfersOut: "Transfers out",
  adjustmentsOut: "Adjustments −",
  out: "Total out",
  closing: "Closing",
};

export async function exportStockReport(ctx: Ctx, view: StockView, input: Record<string, unknown>): Promise<StreamedFile> {
  ctx = onReplica(ctx);
  assertCanSeeReport(ctx.actor, "stock");
  const { format: rawFormat, ...rest } = input;
  const format = exportFormat.safeParse(rawFormat ?? "csv");
  if (!format.success) throw new AppError("validation", "format must be csv or xlsx", { fieldErrors: { format: ["Must be csv or xlsx"] } });
  const filterLines = (f: Record<string, string | undefined>) => Object.entries(f).map(([k, v]) => [k, String(v)] as [string, string]);

  switch (view) {
    case "valuation": {
      const r = await getStockValuation(ctx, { ...rest, limit: EXPORT_LIMIT });
      const product = r.groupBy === "product";
      async function* rows(): AsyncGenerator<ExportCell[]> {
        for (const g of r.rows) yield [g.name, g.code, g.key, g.products, g.shelves, g.quantity, g.unit, g.costPrice, g.value, g.unvalued];
        yield ["Total", null, null, r.totals.products, r.totals.shelves, null, null, null, r.totals.value, r.totals.unvalued];
      }
      return streamTable(
        format.data,
        {
          sheet: "Stock value",
          basename: `stock-value-by-${r.groupBy}`,
          title: [["Stock on hand and value at cost", "Today"], ["Grouped by", r.groupBy], ...filterLines(r.filters), ["Notes", "Value = on hand × the product's cost price; products without a cost price are counted as not valued"]],
          columns: [
            { header: { warehouse: "Warehouse", category: "Category", product: "Product" }[r.groupBy], width: 32 },
            { header: product ? "SKU" : r.groupBy === "category" ? "Parent category" : "Code" },
            { header: "Key" },
            { header: "Products", kind: "quantity" },
            { header: "Shelves", kind: "quantity" },
            { header: "On hand", kind: "quantity" },
            { header: "Unit" },
            { header: "Cost price", kind: "money" },
            { header: "Value", kind: "money" },
            { header: "Products without cost", kind: "quantity" },
          ],
        },
        rows(),
      );
    }
    case "movements": {
      const r = await getStockMovements(ctx, { ...rest, limit: EXPORT_LIMIT });
      const product = r.groupBy === "product";
      const figs = (f: MovementFigures | null) => movementColumns.map((c) => (f ? f[c] : null));
      async function* rows(): AsyncGenerator<ExportCell[]> {
        for (const g of r.rows) yield [g.name, g.code, g.key, ...(product ? [g.unit, ...figs(g.quantities)] : []), ...figs(g.values)];
        yield ["Total", null, null, ...(product ? [null, ...figs(null)] : []), ...figs(r.totals.values)];
      }
      const columns: ExportColumn[] = [
        { header: { warehouse: "Warehouse", category: "Category", product: "Product" }[r.groupBy], width: 32 },
        { header: product ? "SKU" : r.groupBy === "category" ? "Parent category" : "Code" },
        { header: "Key" },
        ...(product ? [{ header: "Unit" }, ...movementColumns.map((c) => ({ header: `${movementColumnLabels[c]} (qty)`, kind: "quantity" as const }))] : []),
        ...movementColumns.map((c) => ({ header: `${movementColumnLabels[c]} (₹)`, kind: "money" as const })),
      ];
      return streamTable(
        format.data,
        {
          sheet: "Stock movements",
          basename: `stock-movements-by-${r.groupBy}-${r.from}-to-${r.to}`,
          title: [["Stock movement summary", `${r.from} to ${r.to}`], ["Grouped by", r.groupBy], ...filterLines(r.filters), ["Notes", "Closing = opening + in − out; from the stock ledger (IST days); values at today's cost price"]],
          columns,
        },
        rows(),
      );
    }
    case "ageing": {
      const r = await getStockAgeing(ctx, { ...rest, limit: EXPORT_LIMIT });
      async function* rows(): AsyncGenerator<ExportCell[]> {
        for (const s of r.rows) yield [s.name, s.sku, s.warehouseCode, s.onHand, s.unit, s.costPrice, s.value, s.lastOutward, s.idleSince, s.idleDays, ageingBucketLabels[s.bucket], s.outLast30];
        const shown = r.rows.reduce((t, s) => t.plus(s.value ?? 0), new Prisma.Decimal(0));
        yield ["Total", null, null, null, null, null, shown.toFixed(2), null, null, null, null, null];
      }
      return streamTable(
        format.data,
        {
          sheet: "Stock ageing",
          basename: `stock-ageing-${r.asOf}`,
          title: [
            ["Slow movers and stock ageing", `As of ${r.asOf}`],
            ...filterLines(r.filters),
            ...(r.minDays ? [["Idle at least (days)", String(r.minDays)] as [string, string]] : []),
            ...Object.entries(r.buckets).map(([b, v]) => [`Value idle ${ageingBucketLabels[b as keyof typeof ageingBucketLabels]}`, v.value] as [string, string]),
            ["Notes", "Idle days: since the last dispatch or transfer out, or, when that emptied the shelf or nothing went out, since the stock now on it came in; value at cost; the total is of the shelves listed"],
          ],
          columns: [
            { header: "Product", width: 32 },
            { header: "SKU" },
            { header: "Warehouse" },
            { header: "On hand", kind: "quantity" },
            { header: "Unit" },
            { header: "Cost price", kind: "money" },
            { header: "Value", kind: "money" },
            { header: "Last outward", kind: "date" },
            { header: "Idle since", kind: "date" },
            { header: "Idle days", kind: "quantity" },
            { header: "Bucket" },
            { header: "Out in last 30 days", kind: "quantity" },
          ],
        },
        rows(),
      );
    }
    case "reorder": {
      const r = await getReorderSuggestions(ctx, { ...rest, limit: EXPORT_LIMIT });
      async function* rows(): AsyncGenerator<ExportCell[]> {
        for (const s of r.rows) yield [s.name, s.sku, s.unit, s.reorderLevel, s.onHand, s.reserved, s.available, s.outflow30, s.dailyOutflow, s.daysOfCover, s.leadTimeDays, leadTimeSourceLabels[s.leadTimeSource], reasonLabels[s.reason], s.suggested, s.packSize ? `${s.packSize} ${s.unit} per ${s.packUnit}` : null, s.costPrice, s.suggestedValue];
        yield ["Total", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, r.totals.suggestedValue];
      }
      return streamTable(
        format.data,
        {
          sheet: "Reorder",
          basename: `reorder-${r.asOf}`,
          title: [
            ["Reorder suggestions", `As of ${r.asOf}`],
            ["Outflow window", `${r.outflowFrom} to ${r.outflowTo} (30 days)`],
            ["Default lead time (days)", `${r.leadTimeDays} (for products without their own)`],
            ["Cover after arrival (days)", String(r.coverDays)],
            ...filterLines(r.filters),
            ["Notes", "Lead time: the product's own when set, else the default. Suggested = reorder level + daily outflow × (lead time + cover days) − available, rounded up to whole packs"],
          ],
          columns: [
            { header: "Product", width: 32 },
            { header: "SKU" },
            { header: "Unit" },
            { header: "Reorder level", kind: "quantity" },
            { header: "On hand", kind: "quantity" },
            { header: "Reserved", kind: "quantity" },
            { header: "Available", kind: "quantity" },
            { header: "Out in 30 days", kind: "quantity" },
            { header: "Daily outflow", kind: "quantity" },
            { header: "Days of cover", kind: "quantity" },
            { header: "Lead time (days)", kind: "quantity" },
            { header: "Lead time from" },
            { header: "Reason" },
            { header: "Suggested quantity", kind: "quantity" },
            { header: "Pack" },
            { header: "Cost price", kind: "money" },
            { header: "Suggested value", kind: "money" },
          ],
        },
        rows(),
      );
    }
  }
}

export const reasonLabels = { out_of_stock: "Out of stock", below_reorder_level: "Below reorder level", cover_short: "Cover shorter than lead time" } as const;
export const leadTimeSourceLabels = { product: "Product", report: "Report default" } as const;
