import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { CheckCircleIcon, ChevronRightIcon, CircleIcon } from "@/components/shell/icons";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { can, roleLabels } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { getCompanyOrThrow } from "@/lib/company/get-company";
import { countEmployeesByRole } from "@/lib/people/count-employees-by-role";
import { makeCtx } from "@/lib/ctx";
import { Role } from "@/lib/generated/prisma/enums";
import { stateName } from "@/lib/integrations/gst/states";
import { getDashboard } from "@/lib/reporting/dashboard/get-dashboard";
import { BusinessGlance } from "./business-glance";
import { SalesOverview } from "./sales-overview";
import { WorkQueues } from "./work-queues";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requireStaff();
  const ctx = makeCtx(actor);
  const company = await getCompanyOrThrow(ctx);
  const canSeeEmployees = can(actor, "employees.read");
  const canEditCompany = can(actor, "company.write");
  const canAddEmployees = can(actor, "employees.write");

  const [counts, dashboard] = await Promise.all([canSeeEmployees ? countEmployeesByRole(ctx) : null, getDashboard(ctx)]);
  const byRole = new Map(Object.entries(counts?.byRole ?? {}));
  const totalActive = counts?.total ?? 0;
  // Everyone sees the set-up checklist; whether a second person exists is not sensitive.
  const activeForChecklist = counts ? totalActive : await ctx.db.membership.count({ where: { companyId: actor.companyId, active: true } });

  const checklist = [
    {
      done: !!company.gstin,
      title: "Add your GSTIN",
      detail: "Needed on every tax invoice; it also fixes your state for place of supply.",
      href: "/settings/company",
      allowed: canEditCompany,
    },
    {
      done: !!(company.bankAccountNumber && company.bankIfsc),
      title: "Add bank details",
      detail: "Printed on invoices so retailers know where to pay.",
      href: "/settings/company",
      allowed: canEditCompany,
    },
    {
      done: !!company.logoUrl,
      title: "Upload your logo",
      detail: "Shown on invoices, challans and your retailers' portal.",
      href: "/settings/company#logo",
      allowed: canEditCompany,
    },
    {
      done: activeForChecklist > 1,
      title: "Add another employee",
      detail: "Invite sales, warehouse or accounts staff with their own role.",
      href: "/employees/new",
      allowed: canAddEmployees,
    },
  ];
  const doneCount = checklist.filter((c) => c.done).length;
  const firstName = actor.name.split(/\s+/)[0] ?? actor.name;
  const address = [company.addressLine1, company.addressLine2, `${company.city} ${company.pincode}`, company.stateName]
    .filter(Boolean)
    .join(", ");

  return (
    <>
      <header className="mb-6">
        <p className="text-sm text-slate-500">{greeting()}</p>
        <h1 className="mt-0.5 text-2xl font-semibold tracking-tight text-slate-900">Welcome, {firstName}</h1>
        <p className="mt-1 text-sm text-slate-500">
          You are signed in to <span className="font-medium text-slate-700">{company.tradeName ?? company.legalName}</span> as{" "}
          {roleLabels[actor.role]}.
        </p>
      </header>

      <WorkQueues queues={dashboard.queues} />
      <SalesOverview d={dashboard} />
      <BusinessGlance ctx={ctx} actor={actor} />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader
            title="Your company"
            actions={
              <Link href="/settings/company" className={buttonClasses({ variant: "secondary", size: "sm" })}>
                {canEditCompany ? "Edit" : "View"}
              </Link>
            }
          />
          <CardBody className="flex flex-col gap-5 sm:flex-row">
            <div className="flex size-16 shrink-0 items-center justify-center overflow-hidden rounded-lg border border-slate-200 bg-slate-50">
              {company.logoUrl ? (
                // eslint-disable-next-line @next/next/no-img-element -- served by our API with the session cookie
                <img src={company.logoUrl} alt={`${company.legalName} logo`} className="size-full object-contain" />
              ) : (
                <span aria-hidden className="text-lg font-semibold text-slate-500">
                  {company.code.slice(0, 2)}
                </span>
              )}
            </div>
            <dl className="grid min-w-0 flex-1 gap-x-6 gap-y-3 sm:grid-cols-2">
              <Item label="Legal name" value={company.legalName} />
              <Item label="Trade name" value={company.tradeName} />
              <Item label="GSTIN" value={company.gstin} mono missing="Not added" />
              <Item label="State" value={company.stateName ? `${company.stateName} (${company.stateCode})` : company.stateCode} />
              <Item label="Registered address" value={address} className="sm:col-span-2" />
              {company.dispatchLine1 && (
                <Item
                  label="Dispatch from"
                  value={[company.dispatchLine1, company.dispatchLine2, `${company.dispatchCity ?? ""} ${company.dispatchPincode ?? ""}`.trim(), company.dispatchStateCode ? stateName(company.dispatchStateCode) : null]
                    .filter(Boolean)
                    .join(", ")}
                  className="sm:col-span-2"
                />
              )}
            </dl>
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Set up your company"
            description={`${doneCount} of ${checklist.length} done`}
            actions={doneCount === checklist.length ? <Badge tone="success">Complete</Badge> : undefined}
          />
          <div className="px-5 pt-3">
            <div
              className="h-1.5 overflow-hidden rounded-full bg-slate-100"
              role="progressbar"
              aria-label="Setup progress"
              aria-valuemin={0}
              aria-valuemax={checklist.length}
              aria-valuenow={doneCount}
            >
              <div className="h-full rounded-full bg-success-500 transition-all" style={{ width: `${(doneCount / checklist.length) * 100}%` }} />
            </div>
          </div>
          <ul className="px-2 py-2">
            {checklist.map((item) => {
              const body = (
                <>
                  {item.done ? (
                    <CheckCircleIcon className="mt-0.5 size-5 shrink-0 text-success-600" />
                  ) : (
                    <CircleIcon className="mt-0.5 size-5 shrink-0 text-slate-500" />
                  )}
                  <span className="min-w-0 flex-1">
                    <span className={item.done ? "block font-medium text-slate-500 line-through decoration-slate-300" : "block font-medium text-slate-900"}>
                      {item.title}
                    </span>
                    {!item.done && <span className="mt-0.5 block text-xs text-slate-500">{item.detail}</span>}
                    {item.done && <span className="sr-only"> (done)</span>}
                  </span>
                  {!item.done && item.allowed && <ChevronRightIcon className="mt-0.5 size-4 shrink-0 text-slate-500" />}
                </>
              );
              return (
                <li key={item.title}>
                  {!item.done && item.allowed ? (
                    <Link href={item.href} className="flex items-start gap-3 rounded-lg px-3 py-2.5 hover:bg-slate-50">
                      {body}
                    </Link>
                  ) : (
                    <div className="flex items-start gap-3 px-3 py-2.5">{body}</div>
                  )}
                </li>
              );
            })}
          </ul>
        </Card>

        {canSeeEmployees && (
          <Card className="lg:col-span-3">
            <CardHeader
              title="Team"
              description={`${totalActive} active ${totalActive === 1 ? "employee" : "employees"}`}
              actions={
                <>
                  <Link href="/employees" className={buttonClasses({ variant: "ghost", size: "sm" })}>
                    View all
                  </Link>
                  {canAddEmployees && (
                    <Link href="/employees/new" className={buttonClasses({ variant: "secondary", size: "sm" })}>
                      Add employee
                    </Link>
                  )}
                </>
              }
            />
            <CardBody>
              <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
                {Object.values(Role).map((role) => (
                  <li key={role}>
                    <Link
                      href={`/employees?role=${role}`}
                      className="block rounded-lg border border-slate-200 px-3 py-2.5 transition-colors hover:border-brand-200 hover:bg-brand-50/40"
                    >
                      <span className="block text-xs font-medium text-slate-500">{roleLabels[role]}</span>
                      <span className="tabular mt-0.5 block text-xl font-semibold text-slate-900">{byRole.get(role) ?? 0}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}

function Item({ label, value, mono, missing = "—", className }: { label: string; value: string | null | undefined; mono?: boolean; missing?: string; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className={value ? (mono ? "mt-0.5 font-mono text-[13px] text-slate-900" : "mt-0.5 text-slate-900") : "mt-0.5 text-slate-500"}>{value || missing}</dd>
    </div>
  );
}

function greeting() {
  // India is one time zone: greet by IST hour.
  const h = (new Date().getUTCHours() + 5 + (new Date().getUTCMinutes() + 30 >= 60 ? 1 : 0)) % 24;
  return h < 12 ? "Good morning" : h < 17 ? "Good afternoon" : "Good evening";
}
