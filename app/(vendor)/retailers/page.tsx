import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { buttonClasses } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { PageHeader } from "@/components/ui/page-header";
import { listRetailers } from "@/lib/network/connections";
import { listJoinRequests } from "@/lib/network/join-requests";
import { LinkTabs } from "@/components/ui/link-tabs";
import { RetailersTable } from "./retailers-table";
import { redirect } from "next/navigation";

export const metadata: Metadata = { title: "Retailers" };

const statuses = ["all", "ACTIVE", "PENDING", "SUSPENDED", "ENDED"] as const;
const statusLabels: Record<(typeof statuses)[number], string> = { all: "All", ACTIVE: "Active", PENDING: "Pending", SUSPENDED: "Suspended", ENDED: "Ended" };
const sorts = ["name", "city", "customerCode", "creditLimit", "createdAt"] as const;
type Sort = (typeof sorts)[number];
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RetailersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "retailers.read")) redirect("/dashboard");
  const sp = await searchParams;
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]) ?? "";
  const status = (statuses as readonly string[]).includes(one("status")) ? (one("status") as (typeof statuses)[number]) : "all";
  const sort: Sort = (sorts as readonly string[]).includes(one("sort")) ? (one("sort") as Sort) : "name";
  const dir = one("dir") === "desc" ? "desc" : "asc";
  const q = one("q").trim().slice(0, 100);
  const page = Math.max(1, Number.parseInt(one("page"), 10) || 1);

  const ctx = makeCtx(actor);
  const [result, pending] = await Promise.all([
    listRetailers(ctx, { q: q || undefined, status, sort, dir, page, pageSize: 20 }),
    listJoinRequests(ctx, { status: "pending", pageSize: 1 }),
  ]);
  const allCount = Object.values(result.byStatus).reduce((n, c) => n + (c ?? 0), 0);
  const canWrite = can(actor, "retailers.write");

  const href = (over: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams();
    const merged = { status, sort, dir, q, page, ...over };
    if (merged.status && merged.status !== "all") p.set("status", String(merged.status));
    if (merged.q) p.set("q", String(merged.q));
    if (merged.sort !== "name" || merged.dir !== "asc") {
      p.set("sort", String(merged.sort));
      p.set("dir", String(merged.dir));
    }
    if (Number(merged.page) > 1) p.set("page", String(merged.page));
    const s = p.toString();
    return s ? `/retailers?${s}` : "/retailers";
  };

  return (
    <>
      <PageHeader
        title="Retailers"
        description="Shops and businesses that buy from you, with their credit limit and payment terms."
        actions={
          <>
            <Link href="/retailers/requests" className={buttonClasses({ variant: "secondary" })}>
              Requests
              {pending.total > 0 && (
                <span className="rounded-full bg-brand-600 px-1.5 py-px text-xs font-semibold text-white tabular-nums">
                  <span className="sr-only">(</span>
                  {pending.total}
                  <span className="sr-only"> pending)</span>
                </span>
              )}
            </Link>
            <Link href="/retailers/invitations" className={buttonClasses({ variant: "secondary" })}>
              Invitations
            </Link>
            {canWrite && (
              <Link href="/retailers/invite" className={buttonClasses()}>
                Invite retailer
              </Link>
            )}
          </>
        }
      />
      <LinkTabs
        label="Filter by status"
        items={statuses.map((s) => ({
          href: href({ status: s, page: 1 }),
          label: statusLabels[s],
          count: s === "all" ? allCount : (result.byStatus[s] ?? 0),
          active: s === status,
        }))}
      />
      <RetailersTable
        rows={result.items.map((c) => ({
          id: c.id,
          name: c.retailer?.tradeName ?? c.retailer?.legalName ?? "—",
          legalName: c.retailer?.legalName ?? "",
          gstin: c.retailer?.gstin ?? null,
          customerCode: c.customerCode,
          city: c.retailer?.city ?? "",
          stateName: c.retailer?.stateName ?? null,
          creditLimit: c.creditLimit,
          paymentTermsDays: c.paymentTermsDays,
          status: c.status,
        }))}
        q={q}
        sort={sort}
        dir={dir}
        page={result.page}
        pageCount={result.pageCount}
        pageSize={result.pageSize}
        total={result.total}
        hasAny={allCount > 0}
        canWrite={canWrite}
      />
    </>
  );
}
