import "server-only";
// The receivables ageing as CSV (GET /receivables/ageing?format=csv, the Receivables page's
// "Download CSV"): every retailer with a balance, page by page, then the company totals row.
import { getAgeing } from "@/lib/billing/get-ageing";
import type { Ctx } from "@/lib/ctx";

const PAGE = 200;

export async function ageingCsv(ctx: Ctx, input: { asOf?: string; q?: string; sort?: string }): Promise<{ csv: string; filename: string }> {
  const header = ["Retailer", "Customer code", "Not due", "1-30 days", "31-60 days", "61-90 days", "90+ days", "Unapplied credit", "Total"];
  const lines: string[][] = [];
  let page = 1;
  let report = await getAgeing(ctx, { ...input, page, pageSize: PAGE });
  const asOf = report.asOf;
  for (;;) {
    for (const r of report.rows) {
      const b = r.buckets;
      lines.push([r.name, r.customerCode ?? "", b.notDue, b.d0_30, b.d31_60, b.d61_90, b.d90_plus, b.unappliedCredit, b.total]);
    }
    if (report.rows.length < PAGE) break;
    report = await getAgeing(ctx, { ...input, asOf, page: ++page, pageSize: PAGE });
  }
  const t = report.totals;
  const rows = [["Receivables ageing as of", asOf], [], header, ...lines, ["Company total", "", t.notDue, t.d0_30, t.d31_60, t.d61_90, t.d90_plus, t.unappliedCredit, t.total]];
  return { csv: rows.map((l) => l.map(cell).join(",")).join("\r\n") + "\r\n", filename: `ageing-${asOf}.csv` };
}

function cell(v: string): string {
  let s = v ?? "";
  if (/^[=+@]/.test(s) || (/^-/.test(s) && !/^-\d+(\.\d+)?$/.test(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
