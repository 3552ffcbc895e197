import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { OrderStatusBadge } from "@/app/(vendor)/orders/_components/order-status";
import { ChevronRightIcon, ClipboardIcon } from "@/components/shell/icons";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination-links";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { requireRetailer } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatINR } from "@/lib/format";
import { listMyVendors } from "@/lib/network/my-vendors";
import { listOrders } from "@/lib/orders/list-orders";
import { hrefBuilder, one as first, pageFrom, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Orders" };

const PAGE_SIZE = 20;

const tabs = [
  { key: "all", label: "All" },
  { key: "open", label: "Open" },
  { key: "delivered", label: "Delivered" },
  { key: "cancelled", label: "Cancelled" },
  { key: "returned", label: "Returned" },
] as const;

export default async function PortalOrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRetailer();
  const ctx = makeCtx(actor);
  const sp = await searchParams;
  const one = (k: string) => first(sp[k]) ?? "";
  const status = tabs.find((t) => t.key === one("status"))?.key ?? "all";
  const vendors = (await listMyVendors(ctx)).filter((v) => v.status !== "PENDING");
  const vendorCode = vendors.find((v) => v.vendor.code === one("vendor").toUpperCase())?.vendor.code ?? "";
  const page = pageFrom(one("page"));
  const result = await listOrders(ctx, { status, vendorCode: vendorCode || undefined, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE, sort: "-createdAt" });
  const href = hrefBuilder("/portal/orders", { status: status === "all" ? undefined : status, vendor: vendorCode || undefined });
  const total = result.total;

  return (
    <>
      <PageHeader
        title="Orders"
        description="Everything you ordered, from every vendor. Open an order to follow it, cancel it while the vendor has not confirmed it, or order it again."
        actions={
          <Link href="/portal/catalog" className={buttonClasses()}>
            New order
          </Link>
        }
      />
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <LinkTabs
          label="Order status"
          items={tabs.map((t) => ({
            href: href({ status: t.key === "all" ? undefined : t.key, page: undefined }),
            label: t.label,
            count: t.key === "open" ? undefined : result.counts[t.key].count,
            active: status === t.key,
          }))}
        />
        {vendors.length > 1 && (
          <form method="get" action="/portal/orders" className="flex items-end gap-2">
            {status !== "all" && <input type="hidden" name="status" value={status} />}
            <div className="flex-1 sm:w-56">
              <label htmlFor="orders-vendor" className="mb-1.5 block text-sm font-medium text-slate-700">
                Vendor
              </label>
              <Select id="orders-vendor" name="vendor" defaultValue={vendorCode} placeholder="All vendors" options={vendors.map((v) => ({ value: v.vendor.code, label: v.vendor.name }))} />
            </div>
            <Button type="submit" variant="secondary">
              Show
            </Button>
          </form>
        )}
      </div>

      {result.data.length === 0 ? (
        <EmptyState
          bordered
          icon={<ClipboardIcon />}
          title={status === "all" && !vendorCode ? "No orders yet" : "No orders here"}
          description={status === "all" && !vendorCode ? "Pick products from a vendor's catalog, put them in your cart and place your first order." : "Try another status or vendor."}
          action={
            status === "all" && !vendorCode ? (
              <Link href="/portal/catalog" className={buttonClasses()}>
                Browse the catalog
              </Link>
            ) : (
              <Link href="/portal/orders" className={buttonClasses({ variant: "secondary" })}>
                All orders
              </Link>
            )
          }
        />
      ) : (
        <>
          <Card>
            <ul aria-label="Orders" className="divide-y divide-slate-100">
              {result.data.map((o) => (
                <li key={o.id}>
                  <Link href={`/portal/orders/${o.id}`} className="flex items-center gap-3 px-4 py-3.5 hover:bg-slate-50 sm:px-5">
                    <div className="min-w-0 flex-1">
                      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                        <span className="font-mono text-sm font-medium text-slate-900">{o.number}</span>
                        <OrderStatusBadge status={o.status} creditHold={o.creditHold} />
                      </p>
                      <p className="mt-1 truncate text-sm text-slate-600">{o.vendor.name}</p>
                      <p className="text-xs text-slate-500">
                        {formatDate(o.placedAt ?? o.createdAt)} · {o.lineCount} {o.lineCount === 1 ? "product" : "products"}
                      </p>
                    </div>
                    <span className="shrink-0 text-right font-semibold text-slate-900 tabular-nums">{formatINR(o.grandTotal)}</span>
                    <ChevronRightIcon className="size-4 shrink-0 text-slate-500" />
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
          <Pagination page={page} pageSize={PAGE_SIZE} total={total} noun="orders" hrefFor={(n) => href({ page: n })} />
        </>
      )}
    </>
  );
}
