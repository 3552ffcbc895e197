// GET /api/v1/reports/sales — net sales of a range grouped by period, retailer, product, category, HSN, state, salesperson or warehouse (?format=csv|xlsx for the file)
import { apiRoute } from "@/lib/http/route";
import { fileResponse } from "@/lib/reporting/export/stream-table";
import { exportSalesReport } from "@/lib/reporting/sales/export-sales-report";
import { getSalesReport } from "@/lib/reporting/sales/get-sales-report";

export const GET = apiRoute(async ({ ctx, url }) => {
  const query: Record<string, string> = Object.fromEntries(url.searchParams);
  if (query.format === undefined || query.format === "json") {
    delete query.format;
    return getSalesReport(ctx, query);
  }
  return fileResponse(await exportSalesReport(ctx, query));
});
