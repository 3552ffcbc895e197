import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { PlusIcon } from "@/components/shell/icons";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { cn } from "@/lib/cn";
import { makeCtx } from "@/lib/ctx";
import { formatINR } from "@/lib/format";
import { inventorySummary, listStockLevels } from "@/lib/inventory/stock-levels";
import { listWarehouses } from "@/lib/inventory/warehouses";
import { StockStatusBadge } from "../_components/badges";
import { formatQty, qtyWithUnit, unitLabel } from "../_components/format";
import { ListFilters } from "../_components/list-filters";
import { Pagination } from "@/components/ui/pagination-links";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";
import { ShowStockToggle } from "../_components/show-stock-toggle";

export const metadata: Metadata = { title: "Inventory" };

const PAGE_SIZE = 25;
const statuses = ["in_stock", "low", "out"] as const;
const sorts = ["name", "sku", "onHand", "available"] as const;

export default async function InventoryPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  const sp = await searchParams;
  const q = (one(sp.q) ?? "").trim().slice(0, 100);
  const warehouseId = one(sp.warehouseId) || undefined;
  const status = statuses.find((s) => s === one(sp.status));
  const sort = sorts.find((s) => s === one(sp.sort)) ?? "name";
  const dir = one(sp.dir) === "desc" ? "desc" : "asc";
  const page = pageFrom(one(sp.page));
  const ctx = makeCtx(actor);
  const [levels, summary, warehouses] = await Promise.all([
    listStockLevels(ctx, { q: q || undefined, warehouseId, status, sort, dir, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }),
    inventorySummary(ctx, { warehouseId }),
    listWarehouses(ctx, { status: "active" }),
  ]);
  const canWrite = can(actor, "inventory.write");
  const href = hrefBuilder("/inventory", { q, warehouseId, status, sort: sort === "name" ? undefined : sort, dir: dir === "asc" ? undefined : dir, page: String(page) });
  const sortHref = (key: (typeof sorts)[number]) => href({ sort: key === "name" && !(sort === "name" && dir === "asc") ? undefined : key, dir: sort === key && dir === "asc" ? "desc" : undefined, page: undefined });
  const filtered = !!(q || status);
  const hasStock = summary.productCount > 0 && (summary.inStockCount > 0 || summary.lowCount > 0 || Number(summary.stockValue) > 0);

  const tiles = [
    { label: "Stock value at cost", value: formatINR(summary.stockValue), hint: summary.unvaluedCount ? `${summary.unvaluedCount} product${summary.unvaluedCount === 1 ? "" : "s"} without a cost price` : "On hand × cost price", href: "/inventory/valuation" },
    { label: "Products in stock", value: String(summary.inStockCount + summary.lowCount), hint: `of ${summary.productCount} products`, href: href({ status: "in_stock", page: undefined }) },
    { label: "Low stock", value: String(summary.lowCount), hint: "At or below reorder level", href: "/inventory/low-stock", tone: summary.lowCount ? "text-warning-700" : undefined },
    { label: "Out of stock", value: String(summary.outCount), hint: "Nothing available", href: href({ status: "out", page: undefined }), tone: summary.outCount ? "text-danger-700" : undefined },
  ];

  return (
    <>
      {warehouses.items.length === 0 ? (
        <EmptyState
          bordered
          title="Add your first warehouse"
          description="Stock lives in warehouses (godowns). Add the one you ship from; you can add more later."
          action={
            canWrite ? (
              <Link href="/inventory/warehouses/new" className={buttonClasses()}>
                <PlusIcon className="size-4" />
                Add warehouse
              </Link>
            ) : undefined
          }
        />
      ) : (
        <>
          <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
            {tiles.map((t) => (
              <Link key={t.label} href={t.href} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-card transition-colors hover:border-slate-300">
                <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t.label}</p>
                <p className={cn("mt-1 text-xl font-semibold tabular-nums", t.tone ?? "text-slate-900")}>{t.value}</p>
                <p className="mt-0.5 text-xs text-slate-500">{t.hint}</p>
              </Link>
            ))}
          </div>
          <Card className="mb-6 flex flex-col gap-4 px-5 py-4 md:flex-row md:items-center md:justify-between">
            <ShowStockToggle initial={summary.showStockToRetailers} canChange={can(actor, "company.write")} />
            {canWrite && (
              <div className="flex flex-wrap gap-2">
                <Link href="/inventory/receipts/new" className={buttonClasses()}>
                  <PlusIcon className="size-4" />
                  Receive stock
                </Link>
                <Link href="/inventory/adjustments" className={buttonClasses({ variant: "secondary" })}>
                  Adjust
                </Link>
                <Link href="/inventory/transfers/new" className={buttonClasses({ variant: "secondary" })}>
                  Transfer
                </Link>
              </div>
            )}
          </Card>

          <ListFilters
            search={{ label: "Search products", placeholder: "Search SKU, name or barcode" }}
            selects={[
              { name: "warehouseId", label: "Warehouse", placeholder: "All warehouses", options: warehouses.items.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` })) },
              { name: "status", label: "Stock status", placeholder: "Any status", options: [{ value: "in_stock", label: "In stock" }, { value: "low", label: "Low" }, { value: "out", label: "Out of stock" }] },
            ]}
          />

          {levels.items.length === 0 ? (
            filtered ? (
              <EmptyState bordered title="No products match" description={q ? `Nothing found for “${q}”.` : "No products have this stock status."} action={<Link href="/inventory" className={buttonClasses({ variant: "secondary" })}>Clear filters</Link>} />
            ) : (
              <EmptyState bordered title="No products yet" description="Add products to your catalog, then record a goods receipt to put them on the shelf." action={<Link href="/products" className={buttonClasses({ variant: "secondary" })}>Go to products</Link>} />
            )
          ) : (
            <>
              {!hasStock && !filtered && (
                <EmptyState
                  bordered
                  className="mb-4 py-8"
                  title="No stock yet — record a goods receipt"
                  description="Everything below reads zero until stock arrives. A goods receipt puts it on the shelf and in the ledger."
                  action={canWrite ? <Link href="/inventory/receipts/new" className={buttonClasses()}>Record a goods receipt</Link> : undefined}
                />
              )}
              <Table aria-label="Stock levels">
                <THead>
                  <tr>
                    <Th aria-sort={sort === "name" ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                      <SortLink href={sortHref("name")} active={sort === "name"} dir={dir}>
                        Product
                      </SortLink>
                    </Th>
                    <Th className="hidden lg:table-cell">By warehouse</Th>
                    <Th numeric className="hidden sm:table-cell" aria-sort={sort === "onHand" ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                      <SortLink href={sortHref("onHand")} active={sort === "onHand"} dir={dir}>
                        On hand
                      </SortLink>
                    </Th>
                    <Th numeric className="hidden sm:table-cell">Reserved</Th>
                    <Th numeric aria-sort={sort === "available" ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                      <SortLink href={sortHref("available")} active={sort === "available"} dir={dir}>
                        Available
                      </SortLink>
                    </Th>
                    <Th className="hidden md:table-cell">Status</Th>
                    <Th numeric className="hidden md:table-cell">Value</Th>
                  </tr>
                </THead>
                <TBody>
                  {levels.items.map((r) => (
                    <Tr key={r.product.id}>
                      <Td>
                        <div className="min-w-36 sm:min-w-44">
                          <Link href={`/inventory/ledger?productId=${r.product.id}${warehouseId ? `&warehouseId=${warehouseId}` : ""}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                            {r.product.name}
                          </Link>
                          <p className="mt-0.5 text-xs text-slate-500">
                            <span className="font-mono">{r.product.sku}</span>
                            {!r.product.active && " · inactive"}
                            {Number(r.product.reorderLevel) > 0 && ` · reorder at ${qtyWithUnit(r.product.reorderLevel, r.product.unit)}`}
                          </p>
                          <span className="md:hidden">
                            <StockStatusBadge status={r.status} />
                          </span>
                        </div>
                      </Td>
                      <Td muted className="hidden text-xs lg:table-cell">
                        {r.warehouses.length === 0 ? <span className="text-slate-500">—</span> : r.warehouses.map((w) => (
                          <div key={w.warehouseId} className="whitespace-nowrap tabular-nums">
                            <span className="font-medium text-slate-700">{w.code}</span> {formatQty(w.onHand)}
                            {Number(w.reserved) > 0 && <span className="text-slate-500"> ({formatQty(w.reserved)} reserved)</span>}
                          </div>
                        ))}
                      </Td>
                      <Td numeric className="hidden sm:table-cell">
                        {formatQty(r.onHand)} <span className="text-xs text-slate-500">{unitLabel(r.product.unit)}</span>
                      </Td>
                      <Td numeric muted className="hidden sm:table-cell">
                        {formatQty(r.reserved)}
                      </Td>
                      <Td numeric>
                        <span className={cn("font-medium", r.status === "out" ? "text-danger-700" : r.status === "low" ? "text-warning-800" : "text-slate-900")}>{formatQty(r.available)}</span>
                        <span className="text-xs text-slate-500 sm:hidden"> {unitLabel(r.product.unit)}</span>
                      </Td>
                      <Td className="hidden md:table-cell">
                        <StockStatusBadge status={r.status} />
                      </Td>
                      <Td numeric className="hidden md:table-cell">
                        {r.value === null ? <span className="text-xs text-slate-500">No cost price</span> : formatINR(r.value)}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
              <Pagination page={page} pageSize={PAGE_SIZE} total={levels.total} hrefFor={(p) => href({ page: String(p) })} noun="products" />
            </>
          )}
        </>
      )}
    </>
  );
}

function SortLink({ href, active, dir, children }: { href: string; active: boolean; dir: "asc" | "desc"; children: React.ReactNode }) {
  return (
    <Link href={href} scroll={false} className={cn("inline-flex items-center gap-1 uppercase hover:text-slate-800", active && "text-slate-800")}>
      {children}
      <span aria-hidden className={cn("text-[10px]", !active && "opacity-30")}>
        {active && dir === "desc" ? "▼" : "▲"}
      </span>
    </Link>
  );
}
