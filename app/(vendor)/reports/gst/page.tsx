import type { ReactNode } from "react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx, type Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { getGstCoverage } from "@/lib/reporting/gst/get-gst-coverage";
import { getGstr1 } from "@/lib/reporting/gst/get-gstr1";
import { getGstr3b } from "@/lib/reporting/gst/get-gstr3b";
import { fpOfDay, parseReturnPeriod, previousFp, type ReturnFrequency } from "@/lib/reporting/gst/period";
import { istDay } from "@/lib/pricing/dates";
import { hrefBuilder, one, type SearchParams } from "@/lib/search-params";
import { CoverageTab } from "./_components/coverage-tab";
import { Gstr1Tab } from "./_components/gstr1-tab";
import { Gstr3bTab } from "./_components/gstr3b-tab";
import { PeriodForm } from "./_components/period-form";

export const metadata: Metadata = { title: "GST returns" };

const tabs = ["gstr1", "gstr3b", "coverage"] as const;
type Tab = (typeof tabs)[number];

export default async function GstReturnsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "reports.read")) redirect("/dashboard");
  const ctx = makeCtx(actor);
  const sp = await searchParams;
  const frequency: ReturnFrequency = one(sp.frequency) === "quarterly" ? "quarterly" : "monthly";
  // Returns are filed for the month just ended: that is the default period.
  const lastMonth = previousFp(fpOfDay(istDay(ctx.now())));
  const asked = one(sp.fp);
  const period = parseReturnPeriod(asked ?? lastMonth, frequency);
  const tab: Tab = (tabs as readonly string[]).includes(one(sp.tab) ?? "") ? (one(sp.tab) as Tab) : "gstr1";
  const href = hrefBuilder("/reports/gst", { fp: period?.fp ?? asked, frequency: frequency === "quarterly" ? "quarterly" : undefined, tab: tab === "gstr1" ? undefined : tab });
  const query = period ? `fp=${period.fp}${frequency === "quarterly" ? "&frequency=quarterly" : ""}` : "";

  const data = period ? await loadTab(ctx, tab, period.fp, frequency) : null;
  const problemCount = data?.kind === "gstr1" ? data.report.problems.length : undefined;
  let body: ReactNode;
  if (!period) {
    body = (
      <Alert tone="danger" title="Not a return period">
        {frequency === "quarterly" ? "A quarter is chosen by its last month: March, June, September or December." : "Choose a month from July 2017 on."}
      </Alert>
    );
  } else if (data?.kind === "gstr1") body = <Gstr1Tab report={data.report} />;
  else if (data?.kind === "gstr3b") body = <Gstr3bTab report={data.report} />;
  else if (data?.kind === "coverage") body = <CoverageTab report={data.report} />;
  else body = <Alert tone="warning" title="GST returns need the company's GSTIN">{data?.kind === "blocked" ? data.message : ""}</Alert>;

  return (
    <>
      <PageHeader
        title="GST returns"
        description={period ? `GSTR-1, GSTR-3B and e-invoice coverage for ${period.label}, from the invoices, credit notes and debit notes in the books.` : "GSTR-1, GSTR-3B and e-invoice coverage from the books."}
        actions={
          period && tab === "gstr1" ? (
            <>
              <a href={`/api/v1/gst-returns/gstr1?${query}&download=1`} className={buttonClasses({ variant: "secondary" })} download>
                Download GSTR-1 JSON
              </a>
              <a href={`/api/v1/gst-returns/gstr1/xlsx?${query}`} className={buttonClasses({ variant: "secondary" })} download>
                Download Excel
              </a>
            </>
          ) : undefined
        }
      />
      <PeriodForm fp={period?.fp ?? lastMonth} frequency={frequency} tab={tab} today={istDay(ctx.now())} />
      <div className="mt-6">
        <LinkTabs
          label="Return"
          items={[
            { href: href({ tab: undefined }), label: "GSTR-1", active: tab === "gstr1", ...(problemCount ? { count: problemCount, alert: true } : {}) },
            { href: href({ tab: "gstr3b" }), label: "GSTR-3B", active: tab === "gstr3b" },
            { href: href({ tab: "coverage" }), label: "E-invoice & e-way bill", active: tab === "coverage" },
          ]}
        />
      </div>
      <div className="mt-6 space-y-6">{body}</div>
    </>
  );
}

type TabData =
  | { kind: "gstr1"; report: Awaited<ReturnType<typeof getGstr1>> }
  | { kind: "gstr3b"; report: Awaited<ReturnType<typeof getGstr3b>> }
  | { kind: "coverage"; report: Awaited<ReturnType<typeof getGstCoverage>> }
  | { kind: "blocked"; message: string };

/** The tab's report; a company without a GSTIN gets the reason instead of an error page. */
async function loadTab(ctx: Ctx, tab: Tab, fp: string, frequency: ReturnFrequency): Promise<TabData> {
  try {
    if (tab === "gstr1") return { kind: "gstr1", report: await getGstr1(ctx, { fp, frequency }) };
    if (tab === "gstr3b") return { kind: "gstr3b", report: await getGstr3b(ctx, { fp, frequency }) };
    return { kind: "coverage", report: await getGstCoverage(ctx, { fp, frequency }) };
  } catch (err) {
    if (err instanceof AppError && err.code === "conflict") return { kind: "blocked", message: err.message };
    throw err;
  }
}
