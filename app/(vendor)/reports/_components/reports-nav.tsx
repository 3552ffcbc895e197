// The reports section's navigation: one tab per report the role may open.
import { LinkTabs } from "@/components/ui/link-tabs";

export const reportLinks = [
  { key: "sales", href: "/reports/sales", label: "Sales", description: "Net sales by period, retailer, product, category, HSN, state, salesperson or warehouse, with margin where cost is known." },
  { key: "gst", href: "/reports/gst", label: "GST returns", description: "GSTR-1 (JSON and Excel) with its validator, GSTR-3B 3.1 and 3.2, e-invoice and e-way bill coverage." },
] as const;

export function ReportsNav({ active }: { active: (typeof reportLinks)[number]["key"] }) {
  return <LinkTabs label="Reports" items={reportLinks.map((r) => ({ href: r.href, label: r.label, active: r.key === active }))} />;
}
