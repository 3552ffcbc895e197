import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { ChevronRightIcon } from "@/components/shell/icons";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { canSeeReport } from "@/lib/reporting/report-access";
import { reportLinks } from "./_components/reports-nav";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  const actor = await requireStaff();
  if (!can(actor, "reports.read")) redirect("/dashboard");
  return (
    <>
      <PageHeader title="Reports" description="Every figure links to the documents behind it; every report downloads as CSV or Excel." />
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {reportLinks.filter((r) => canSeeReport(actor, r.key)).map((r) => (
          <li key={r.key}>
            <Link href={r.href} className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-card hover:border-brand-300">
              <span className="min-w-0 flex-1">
                <span className="block font-semibold text-slate-900">{r.label}</span>
                <span className="mt-1 block text-sm text-slate-500">{r.description}</span>
              </span>
              <ChevronRightIcon className="mt-1 size-4 shrink-0 text-slate-500" />
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
