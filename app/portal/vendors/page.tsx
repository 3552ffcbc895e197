import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireRetailer } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatINR } from "@/lib/format";
import { listMyJoinRequests } from "@/lib/network/join-requests";
import { listMyVendors } from "@/lib/network/my-vendors";
import { ConnectionStatusBadge, JoinRequestStatusBadge, paymentTermsLabel } from "@/app/(vendor)/retailers/_components/status";
import { CancelRequestButton } from "./cancel-request-button";

export const metadata: Metadata = { title: "My vendors" };

export default async function MyVendorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRetailer();
  const ctx = makeCtx(actor);
  const [vendors, requests, sp] = await Promise.all([listMyVendors(ctx), listMyJoinRequests(ctx), searchParams]);
  const open = requests.filter((r) => r.status === "PENDING" || r.status === "REJECTED");
  // A rejected request stops mattering once the vendor connected us anyway.
  const connected = new Set(vendors.filter((v) => v.status === "ACTIVE" || v.status === "SUSPENDED").map((v) => v.vendor.id));
  const shown = open.filter((r) => r.status === "PENDING" || !connected.has(r.companyId));

  return (
    <>
      <PageHeader
        title="My vendors"
        description="Suppliers you can order from, with the credit and payment terms each one gave you."
        actions={
          <Link href="/portal/vendors/join" className={buttonClasses()}>
            Connect with a vendor
          </Link>
        }
      />
      {sp.requested && (
        <Alert tone="success" title="Request sent" className="mb-6">
          The vendor will review your request. We will email you when they answer.
        </Alert>
      )}

      {vendors.length === 0 ? (
        <EmptyState
          bordered
          title="No vendors yet"
          description="Ask your supplier for their vendor code or GSTIN and send them a request, or accept an invitation they emailed you."
          action={
            <Link href="/portal/vendors/join" className={buttonClasses()}>
              Connect with a vendor
            </Link>
          }
        />
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Vendors">
          {vendors.map((v) => (
            <li key={v.connectionId}>
              <Card className="flex h-full flex-col px-5 py-4">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <h2 className="truncate text-[15px] font-semibold text-slate-900">{v.vendor.name}</h2>
                    <p className="text-sm text-slate-500">
                      {v.vendor.city}
                      {v.vendor.stateName && `, ${v.vendor.stateName}`}
                    </p>
                  </div>
                  <ConnectionStatusBadge status={v.status} />
                </div>
                <dl className="mt-4 divide-y divide-slate-100 border-t border-slate-100 text-sm">
                  <div className="flex items-baseline justify-between gap-3 py-2">
                    <dt className="text-slate-500">Customer code</dt>
                    <dd className="font-mono text-[13px] text-slate-900">{v.customerCode ?? "—"}</dd>
                  </div>
                  <div className="flex items-baseline justify-between gap-3 py-2">
                    <dt className="text-slate-500">Credit limit</dt>
                    <dd className="text-slate-900 tabular-nums">{formatINR(v.creditLimit)}</dd>
                  </div>
                  <div className="flex items-baseline justify-between gap-3 py-2">
                    <dt className="text-slate-500">Payment terms</dt>
                    <dd className="text-slate-900">{paymentTermsLabel(v.paymentTermsDays)}</dd>
                  </div>
                </dl>
                {(v.vendor.phone || v.vendor.email) && (
                  <p className="mt-auto border-t border-slate-100 pt-3 text-xs text-slate-500 [overflow-wrap:anywhere]">
                    {[v.vendor.phone, v.vendor.email].filter(Boolean).join(" · ")}
                  </p>
                )}
                {v.status === "SUSPENDED" && <p className="mt-3 text-xs text-warning-800">This vendor has paused orders from you. Contact them to resume.</p>}
                {(v.status === "ACTIVE" || v.status === "SUSPENDED") && (
                  <Link href={`/portal/catalog?vendor=${encodeURIComponent(v.vendor.code)}`} className={buttonClasses({ variant: "secondary", size: "sm", className: "mt-4 self-start" })}>
                    Browse catalog
                  </Link>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}

      {shown.length > 0 && (
        <section aria-labelledby="my-requests" className="mt-10">
          <h2 id="my-requests" className="text-base font-semibold text-slate-900">
            My requests
          </h2>
          <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {shown.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{r.vendor?.name ?? "Vendor"}</span>
                    <JoinRequestStatusBadge status={r.status} />
                  </div>
                  <p className="mt-0.5 text-xs text-slate-500">
                    Sent {formatDate(r.createdAt)}
                    {r.vendor?.code && <> · code <span className="font-mono">{r.vendor.code}</span></>}
                  </p>
                  {r.status === "REJECTED" && r.rejectionReason && <p className="mt-1 text-sm text-slate-600">Reason: {r.rejectionReason}</p>}
                </div>
                {r.status === "PENDING" && <CancelRequestButton id={r.id} vendorName={r.vendor?.name ?? "this vendor"} />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
