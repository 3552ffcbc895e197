import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { PlusIcon } from "@/components/shell/icons";
import { ExportLinks } from "@/components/reports/export-links";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { listRetailers } from "@/lib/network/connections";
import { bulkOrderPermission } from "@/lib/orders/bulk-orders";
import { listOrders } from "@/lib/orders/list-orders";
import { listOrdersInput } from "@/lib/orders/orders.schemas";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";
import { LinkTabs } from "@/components/ui/link-tabs";
import { Pagination } from "@/components/ui/pagination-links";
import { countLabel, tabKeys, tabLabels, type TabKey } from "../_components/order-tabs";
import { OrdersFilters, type OrderFilterValues } from "../orders-filters";
import { OrdersTable, type OrderSort } from "../orders-table";

export const metadata: Metadata = { title: "Orders" };

const PAGE_SIZE = 25;
const sorts = ["-createdAt", "createdAt", "-grandTotal", "grandTotal", "-number", "number"] as const;

export default async function OrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "orders.read")) redirect("/dashboard");
  const sp = await searchParams;
  const status: TabKey = (tabKeys as readonly string[]).includes(one(sp.status) ?? "") ? (one(sp.status) as TabKey) : "all";
  const sort: OrderSort = (sorts as readonly string[]).includes(one(sp.sort) ?? "") ? (one(sp.sort) as OrderSort) : "-createdAt";
  const page = Math.min(pageFrom(one(sp.page)), 4000);
  const { values, filters, invalid } = readFilters(sp);

  const ctx = makeCtx(actor);
  const [result, retailers] = await Promise.all([
    listOrders(ctx, {
      status,
      sort,
      q: filters.q || undefined,
      connectionId: filters.retailer || undefined,
      from: filters.from || undefined,
      to: filters.to || undefined,
      minTotal: filters.min || undefined,
      maxTotal: filters.max || undefined,
      offset: (page - 1) * PAGE_SIZE,
      pageSize: PAGE_SIZE,
    }),
    // The retailer filter lists connections by name; people without access to retailers search by name instead.
    can(actor, "retailers.read") ? listRetailers(ctx, { status: "all", sort: "name", pageSize: 100 }).then((r) => r.items) : Promise.resolve([]),
  ]);

  const href = hrefBuilder("/orders", { status: status === "all" ? undefined : status, sort: sort === "-createdAt" ? undefined : sort, ...filterParams(filters) });
  const filtered = Object.values(filters).some(Boolean);
  const canWrite = can(actor, "orders.write");

  return (
    <>
      <PageHeader
        title="Orders"
        description="Orders from your retailers and the ones your team enters: confirm, pack, dispatch and deliver them, and release credit holds."
        actions={
          <div className="flex flex-wrap gap-2">
            <ExportLinks
              path="/api/v1/orders/export"
              noun="orders"
              params={{ status: status === "all" ? undefined : status, sort: sort === "-createdAt" ? undefined : sort, q: filters.q || undefined, connectionId: filters.retailer || undefined, from: filters.from || undefined, to: filters.to || undefined, minTotal: filters.min || undefined, maxTotal: filters.max || undefined }}
            />
            {canWrite && (
              <Link href="/orders/new" className={buttonClasses()}>
                <PlusIcon className="size-4" />
                New order
              </Link>
            )}
          </div>
        }
      />
      <LinkTabs
        label="Filter by status"
        items={tabKeys.map((key) => ({
          href: href({ status: key === "all" ? undefined : key, page: undefined }),
          label: tabLabels[key],
          count: countLabel(result.counts[key]),
          alert: key === "on_hold" && result.counts[key].count > 0,
          active: key === status,
        }))}
      />
      <OrdersFilters
        values={values}
        invalid={invalid}
        retailers={retailers.map((c) => ({ value: c.id, label: [c.retailer?.tradeName ?? c.retailer?.legalName ?? "—", c.customerCode].filter(Boolean).join(" · ") }))}
      />
      <OrdersTable
        rows={result.data}
        sort={sort}
        status={status}
        filtered={filtered}
        canWrite={canWrite}
        canApproveCredit={can(actor, "orders.approve_credit")}
        bulkRights={{ confirm: can(actor, bulkOrderPermission.confirm), pack: can(actor, bulkOrderPermission.pack), invoice: can(actor, bulkOrderPermission.invoice) }}
      />
      <Pagination page={page} pageSize={PAGE_SIZE} total={result.total} noun="orders" capped={result.totalIsCapped ? { shown: result.data.length } : undefined} hrefFor={(p) => href({ page: p })} />
    </>
  );
}

const filterKeys = { q: "q", retailer: "connectionId", from: "from", to: "to", min: "minTotal", max: "maxTotal" } as const;

/**
 * The filters from the URL, each checked with the field's own schema: a value the list would
 * reject (a mistyped amount) is left out and reported next to its box instead of failing the page.
 */
function readFilters(sp: Awaited<SearchParams>) {
  const values = {} as OrderFilterValues;
  const filters = {} as OrderFilterValues;
  const invalid: Partial<Record<keyof OrderFilterValues, string>> = {};
  for (const [name, field] of Object.entries(filterKeys) as [keyof OrderFilterValues, keyof typeof listOrdersInput.shape][]) {
    const raw = (one(sp[name]) ?? "").trim().slice(0, 100);
    values[name] = raw;
    filters[name] = raw;
    if (!raw) continue;
    const parsed = listOrdersInput.shape[field].safeParse(raw);
    if (!parsed.success) {
      invalid[name] = parsed.error.issues[0]?.message ?? "Not valid";
      filters[name] = "";
    }
  }
  return { values, filters, invalid };
}

function filterParams(f: OrderFilterValues) {
  return { q: f.q || undefined, retailer: f.retailer || undefined, from: f.from || undefined, to: f.to || undefined, min: f.min || undefined, max: f.max || undefined };
}
