import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { BusinessDetailsList } from "@/components/shell/business-details";
import { ChevronRightIcon, StoreIcon } from "@/components/shell/icons";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRetailer } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { getMyBusiness, listMyVendors } from "@/lib/network/my-vendors";

export const metadata: Metadata = { title: "Retailer portal" };

const statusTone: Record<string, { tone: BadgeTone; label: string }> = {
  ACTIVE: { tone: "success", label: "Active" },
  PENDING: { tone: "warning", label: "Pending" },
  SUSPENDED: { tone: "danger", label: "On hold" },
  ENDED: { tone: "neutral", label: "Ended" },
};

export default async function PortalHome() {
  const actor = await requireRetailer();
  const ctx = makeCtx(actor);
  const [business, vendors] = await Promise.all([getMyBusiness(ctx), listMyVendors(ctx)]);
  const current = vendors.filter((v) => v.status !== "ENDED");
  const firstName = actor.name.split(/\s+/)[0] ?? actor.name;

  return (
    <>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Namaste, {firstName}</h1>
        <p className="mt-1 text-sm text-slate-500">
          Your portal for <span className="font-medium text-slate-700">{business.tradeName ?? business.legalName}</span>: the vendors you buy
          from, your orders and invoices.
        </p>
      </header>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <CardHeader
            title="My vendors"
            description={current.length ? `${current.length} ${current.length === 1 ? "vendor" : "vendors"}` : undefined}
            actions={
              current.length ? (
                <Link href="/portal/vendors" className={buttonClasses({ variant: "ghost", size: "sm" })}>
                  View all
                </Link>
              ) : undefined
            }
          />
          {current.length === 0 ? (
            <EmptyState
              icon={<StoreIcon />}
              title="No vendor connections yet"
              description="Vendors invite you by email, or you can ask to join a vendor with the code they share with you. Once a vendor connects you, you can see their catalogue and order here."
              action={
                <Link href="/portal/vendors/join" className={buttonClasses({ variant: "secondary" })}>
                  Request to join a vendor
                </Link>
              }
            />
          ) : (
            <ul className="divide-y divide-slate-100">
              {current.slice(0, 6).map((v) => {
                const s = statusTone[v.status] ?? { tone: "neutral" as const, label: v.status };
                return (
                  <li key={v.connectionId}>
                    <Link href="/portal/vendors" className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
                      <span aria-hidden className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-slate-900 text-[11px] font-semibold text-white">
                        {v.vendor.code.slice(0, 2)}
                      </span>
                      <span className="min-w-0 flex-1">
                        <span className="block truncate font-medium text-slate-900">{v.vendor.name}</span>
                        <span className="block truncate text-xs text-slate-500">
                          {[v.vendor.city, v.vendor.stateName].filter(Boolean).join(", ")}
                          {v.customerCode ? ` · Your code ${v.customerCode}` : ""}
                        </span>
                      </span>
                      <Badge tone={s.tone} dot>
                        {s.label}
                      </Badge>
                      <ChevronRightIcon className="size-4 shrink-0 text-slate-500" />
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>

        <Card className="lg:col-span-2">
          <CardHeader
            title="Your business"
            actions={
              <Link href="/portal/profile" className={buttonClasses({ variant: "secondary", size: "sm" })}>
                View
              </Link>
            }
          />
          <CardBody>
            <BusinessDetailsList business={business} className="sm:grid-cols-1" />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
