// The dashboard's first row: the business at a glance, each figure a link to the screen behind it.
// Only what the signed-in role may read is asked for and shown.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { can } from "@/lib/auth/permissions";
import type { StaffActor } from "@/lib/auth/actor";
import { getAgeing } from "@/lib/billing/get-ageing";
import { Prisma } from "@/lib/generated/prisma/client";
import { listProducts } from "@/lib/catalog/list-products";
import type { Ctx } from "@/lib/ctx";
import { formatINR, formatIndianNumber } from "@/lib/format";
import { inventorySummary } from "@/lib/inventory/stock-levels";
import { listRetailers } from "@/lib/network/connections";
import { listJoinRequests } from "@/lib/network/join-requests";

type Tile = { label: string; value: string; detail: string; href: string; tone?: "warning" };

export async function BusinessGlance({ ctx, actor }: { ctx: Ctx; actor: StaffActor }) {
  const [retailers, requests, products, stock, ageing] = await Promise.all([
    can(actor, "retailers.read") ? listRetailers(ctx, { pageSize: 1 }) : null,
    can(actor, "retailers.read") ? listJoinRequests(ctx, { status: "pending", pageSize: 1 }) : null,
    can(actor, "catalog.read") ? listProducts(ctx, { pageSize: 1 }) : null,
    can(actor, "inventory.read") ? inventorySummary(ctx) : null,
    can(actor, "billing.read") ? getAgeing(ctx, { pageSize: 1 }) : null,
  ]);
  const count = (n: number) => formatIndianNumber(n, 0);
  const tiles: Tile[] = [];
  if (retailers && requests) {
    const active = retailers.byStatus.ACTIVE ?? 0;
    tiles.push({
      label: "Active retailers",
      value: count(active),
      detail: requests.total ? `${requests.total} join ${requests.total === 1 ? "request" : "requests"} waiting` : `${count(retailers.byStatus.SUSPENDED ?? 0)} on hold`,
      href: requests.total ? "/retailers/requests" : "/retailers",
      tone: requests.total ? "warning" : undefined,
    });
  }
  if (products?.counts) {
    tiles.push({ label: "Products on sale", value: count(products.counts.active), detail: `${count(products.counts.inactive)} inactive`, href: "/products" });
  }
  if (stock) {
    tiles.push({ label: "Stock value at cost", value: formatINR(stock.stockValue, { decimals: 0 }), detail: `${stock.activeWarehouses} ${stock.activeWarehouses === 1 ? "warehouse" : "warehouses"}`, href: "/inventory/valuation" });
    const short = stock.lowCount + stock.outCount;
    tiles.push({
      label: "Need reordering",
      value: count(short),
      detail: `${stock.lowCount} low · ${stock.outCount} out of stock`,
      href: "/inventory/low-stock",
      tone: short ? "warning" : undefined,
    });
  }
  if (ageing) {
    const t = ageing.totals;
    const overdue = [t.d0_30, t.d31_60, t.d61_90, t.d90_plus].reduce((sum, v) => sum.plus(v), new Prisma.Decimal(0));
    tiles.push({
      label: "Receivables",
      value: formatINR(t.total, { decimals: 0 }),
      detail: overdue.gt(0) ? `${formatINR(overdue, { decimals: 0 })} overdue` : "Nothing overdue",
      href: "/receivables",
      tone: overdue.gt(0) ? "warning" : undefined,
    });
  }
  if (tiles.length === 0) return null;
  return (
    <section aria-label="Business at a glance" className={tiles.length > 4 ? "mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5" : "mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4"}>
      {tiles.map((t) => (
        <Link key={t.label} href={t.href} className="group rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-card transition-colors hover:border-brand-300">
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t.label}</p>
          <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{t.value}</p>
          <p className={t.tone === "warning" ? "mt-0.5 text-sm text-warning-700" : "mt-0.5 text-sm text-slate-500"}>{t.detail}</p>
        </Link>
      ))}
    </section>
  );
}
