import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatDateTime } from "@/lib/format";
import { listJoinRequests } from "@/lib/network/join-requests";
import { Pagination } from "@/components/ui/pagination-links";
import { JoinRequestStatusBadge } from "../_components/status";
import { LinkTabs } from "@/components/ui/link-tabs";
import { RequestDecision } from "./request-decision";

export const metadata: Metadata = { title: "Join requests" };

const tabs = [
  { key: "pending", label: "Pending" },
  { key: "approved", label: "Approved" },
  { key: "rejected", label: "Rejected" },
  { key: "all", label: "All" },
] as const;
type Tab = (typeof tabs)[number]["key"];

export default async function JoinRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff();
  if (!can(actor, "retailers.read")) redirect("/dashboard");
  const sp = await searchParams;
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]) ?? "";
  const status: Tab = tabs.some((t) => t.key === one("status")) ? (one("status") as Tab) : "pending";
  const page = Math.max(1, Number.parseInt(one("page"), 10) || 1);
  const ctx = makeCtx(actor);
  const [result, pendingCount] = await Promise.all([
    listJoinRequests(ctx, { status, page, pageSize: 20 }),
    status === "pending" ? null : listJoinRequests(ctx, { status: "pending", pageSize: 1 }).then((r) => r.total),
  ]);
  const pendingTotal = pendingCount ?? result.total;
  const canWrite = can(actor, "retailers.write");
  const approved = one("approved");
  const rejected = one("rejected");
  const who = one("name").slice(0, 200);
  const href = (s: Tab, p = 1) => `/retailers/requests?status=${s}${p > 1 ? `&page=${p}` : ""}`;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/retailers" className="hover:text-slate-800">
            ← Retailers
          </Link>
        }
        title="Join requests"
        description="Retailers who found you by your vendor code or GSTIN and asked to buy from you."
      />
      {approved && (
        <Alert tone="success" title="Request approved" className="mb-4">
          {who || "The retailer"} is now connected and can order from you.{" "}
          <Link href={`/retailers/${encodeURIComponent(approved)}`} className="font-medium underline">
            View retailer
          </Link>
        </Alert>
      )}
      {rejected && (
        <Alert tone="neutral" title="Request rejected" className="mb-4">
          We let {who || "the retailer"} know, with your reason.
        </Alert>
      )}
      <LinkTabs
        label="Filter join requests"
        items={tabs.map((t) => ({ href: href(t.key), label: t.label, count: t.key === "pending" ? pendingTotal : undefined, active: t.key === status }))}
      />
      <div className="mt-4">
        {result.items.length === 0 ? (
          <EmptyState
            bordered
            title={status === "pending" ? "No requests waiting" : status === "all" ? "No join requests yet" : `No ${status} requests`}
            description="Share your vendor code with retailers: they can find you from their portal and ask to connect."
          />
        ) : (
          <>
            <ul className="space-y-3" aria-label="Join requests">
              {result.items.map((r) => {
                const name = r.retailer?.tradeName ?? r.retailer?.legalName ?? "Retailer";
                return (
                  <li key={r.id}>
                    <Card aria-label={name} role="group" className="px-5 py-4">
                      <div className="flex flex-wrap items-start justify-between gap-3">
                        <div className="min-w-0">
                          <div className="flex flex-wrap items-center gap-2">
                            <h2 className="text-[15px] font-semibold text-slate-900">{name}</h2>
                            <JoinRequestStatusBadge status={r.status} />
                          </div>
                          <p className="mt-0.5 text-sm text-slate-500">
                            {r.retailer && r.retailer.tradeName && r.retailer.tradeName !== r.retailer.legalName && <>{r.retailer.legalName} · </>}
                            <span className="font-mono">{r.retailer?.gstin ?? "No GSTIN"}</span>
                            {" · "}
                            {r.retailer?.city}
                            {r.retailer?.stateName && `, ${r.retailer.stateName}`}
                          </p>
                        </div>
                        <p className="text-xs whitespace-nowrap text-slate-500">
                          <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
                        </p>
                      </div>
                      {r.message && (
                        <blockquote className="mt-3 rounded-lg bg-slate-50 px-3 py-2 text-sm whitespace-pre-line text-slate-700">“{r.message}”</blockquote>
                      )}
                      {r.status === "REJECTED" && r.rejectionReason && (
                        <p className="mt-3 text-sm text-slate-600">
                          <span className="font-medium text-slate-800">Reason:</span> {r.rejectionReason}
                        </p>
                      )}
                      {r.decidedAt && r.status !== "PENDING" && <p className="mt-2 text-xs text-slate-500">Decided {formatDate(r.decidedAt)}</p>}
                      {r.status === "PENDING" && canWrite && <RequestDecision id={r.id} retailerName={name} />}
                    </Card>
                  </li>
                );
              })}
            </ul>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} noun="requests" hrefFor={(p) => href(status, p)} />
          </>
        )}
      </div>
    </>
  );
}
