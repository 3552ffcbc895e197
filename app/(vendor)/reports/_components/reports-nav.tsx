// The reports section's navigation: one tab per report the role may open (lib/reporting/report-access.ts).
import { LinkTabs } from "@/components/ui/link-tabs";
import { requireStaff } from "@/lib/auth/session";
import { canSeeReport, type ReportKey } from "@/lib/reporting/report-access";

export const reportLinks: { key: ReportKey; href: string; label: string; description: string }[] = [
  { key: "sales", href: "/reports/sales", label: "Sales", description: "Net sales by period, retailer, product, category, HSN, state, salesperson or warehouse, with margin where cost is known." },
  { key: "stock", href: "/reports/stock", label: "Stock", description: "On hand and value by warehouse and category, movements of a period (opening, in, out, closing), slow movers and reorder suggestions." },
  { key: "receivables", href: "/reports/receivables", label: "Receivables", description: "Collections by day, week, month, mode and retailer, days sales outstanding, credit-limit usage and the ageing." },
  { key: "gst", href: "/reports/gst", label: "GST returns", description: "GSTR-1 (JSON and Excel) with its validator, GSTR-3B 3.1 and 3.2, e-invoice and e-way bill coverage." },
];

export async function ReportsNav({ active }: { active: ReportKey }) {
  const actor = await requireStaff();
  return (
    <div className="print:hidden">
      <LinkTabs label="Reports" items={reportLinks.filter((r) => canSeeReport(actor, r.key)).map((r) => ({ href: r.href, label: r.label, active: r.key === active }))} />
    </div>
  );
}
