import "server-only";
// The sales report as a CSV or XLSX download: the same groups and totals the screen shows, with
// the range and filters written above the table; streamed (lib/reporting/export/stream-table.ts).
import { assertCan } from "@/lib/auth/permissions";
import { onReplica, type Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { streamTable, type ExportCell, type StreamedFile } from "@/lib/reporting/export/stream-table";
import { getSalesReport } from "./get-sales-report";
import { groupingLabels } from "./sales-drill";
import { exportFormat } from "./sales.schemas";

export async function exportSalesReport(ctx: Ctx, input: Record<string, unknown>): Promise<StreamedFile> {
  ctx = onReplica(ctx);
  assertCan(ctx.actor, "reports.read");
  const { format: rawFormat, ...rest } = input;
  const format = exportFormat.safeParse(rawFormat ?? "csv");
  if (!format.success) throw new AppError("validation", "format must be csv or xlsx", { fieldErrors: { format: ["Must be csv or xlsx"] } });
  const report = await getSalesReport(ctx, { ...rest, limit: 10_000 });
  const title: [string, string][] = [
    ["Sales report", `${report.from} to ${report.to}`],
    ["Grouped by", groupingLabels[report.groupBy]],
    ...Object.entries(report.filters).map(([k, v]) => [k, String(v)] as [string, string]),
    ["Notes", "Net of credit notes; cancelled documents excluded; amounts in rupees; margin over lines whose product cost is known"],
  ];
  async function* rows(): AsyncGenerator<ExportCell[]> {
    for (const g of report.groups) yield [g.name, g.code, g.key, g.documents, g.quantity, g.taxable, g.tax, g.gross, g.cost, g.margin, g.marginPercent];
    const t = report.totals;
    yield ["Total", null, null, t.documents, t.quantity, t.taxable, t.tax, t.gross, t.cost, t.margin, t.marginPercent];
  }
  return streamTable(
    format.data,
    {
      sheet: "Sales",
      basename: `sales-${report.groupBy}-${report.from}-to-${report.to}`,
      title,
      columns: [
        { header: groupingLabels[report.groupBy], width: 32 },
        { header: "Code" },
        { header: "Key" },
        { header: "Documents", kind: "quantity" },
        { header: "Quantity", kind: "quantity" },
        { header: "Taxable value", kind: "money" },
        { header: "Tax", kind: "money" },
        { header: "Gross", kind: "money" },
        { header: "Cost", kind: "money" },
        { header: "Margin", kind: "money" },
        { header: "Margin %", kind: "quantity" },
      ],
    },
    rows(),
  );
}
