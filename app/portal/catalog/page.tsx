import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { LinkTabs } from "@/components/ui/link-tabs";
import { Pagination } from "@/components/ui/pagination-links";
import { BoxIcon, StoreIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { requireRetailer } from "@/lib/auth/session";
import { browseVendorCatalog, listVendorCatalogCategories } from "@/lib/catalog/portal-catalog";
import { makeCtx } from "@/lib/ctx";
import { formatINR, formatQuantity } from "@/lib/format";
import { listMyVendors } from "@/lib/network/my-vendors";
import { stepperFor } from "@/lib/orders/cart-view";
import { getCartQuantities } from "@/lib/orders/get-cart";
import { hrefBuilder, one as first, pageFrom, type SearchParams } from "@/lib/search-params";
import { AddToCart } from "./add-to-cart";

export const metadata: Metadata = { title: "Catalog" };

const PAGE_SIZE = 24;

const availabilityBadge: Record<string, { tone: BadgeTone; label: string }> = {
  in_stock: { tone: "success", label: "In stock" },
  low: { tone: "warning", label: "Low stock" },
  out: { tone: "danger", label: "Out of stock" },
};

export default async function PortalCatalogPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRetailer();
  const ctx = makeCtx(actor);
  const sp = await searchParams;
  const one = (k: string) => first(sp[k]) ?? "";

  const vendors = (await listMyVendors(ctx)).filter((v) => v.status === "ACTIVE" || v.status === "SUSPENDED");
  if (vendors.length === 0) {
    return (
      <>
        <PageHeader title="Catalog" description="Products and your prices from the vendors you buy from." />
        <EmptyState
          bordered
          icon={<StoreIcon />}
          title="No vendors to order from yet"
          description="Once a vendor connects you, their products and your prices appear here."
          action={
            <Link href="/portal/vendors/join" className={buttonClasses({ variant: "secondary" })}>
              Request to join a vendor
            </Link>
          }
        />
      </>
    );
  }
  const code = one("vendor").toUpperCase();
  const vendor = vendors.find((v) => v.vendor.code === code);
  if (!vendor) redirect(`/portal/catalog?vendor=${encodeURIComponent(vendors[0].vendor.code)}`);

  const q = one("q").trim().slice(0, 100);
  const categoryId = one("category");
  const inStock = one("inStock") === "1";
  const page = pageFrom(one("page"));
  const [catalog, categories, inCart] = await Promise.all([
    browseVendorCatalog(ctx, { vendor: code, q: q || undefined, categoryId: categoryId || undefined, inStockOnly: inStock, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }),
    listVendorCatalogCategories(ctx, code),
    getCartQuantities(ctx, code),
  ]);
  const canOrder = catalog.connection.status === "ACTIVE";
  const href = hrefBuilder("/portal/catalog", { vendor: code, q, category: categoryId, inStock: inStock ? "1" : undefined });
  const filtered = Boolean(q || categoryId || inStock);

  return (
    <>
      <PageHeader
        title="Catalog"
        description={
          catalog.connection.priceListName
            ? `${catalog.vendor.name} · prices from your "${catalog.connection.priceListName}" price list, for today.`
            : `${catalog.vendor.name} · your prices for today.`
        }
      />
      {vendors.length > 1 && (
        <div className="mb-4">
          <LinkTabs label="Vendors" items={vendors.map((v) => ({ href: `/portal/catalog?vendor=${encodeURIComponent(v.vendor.code)}`, label: v.vendor.name, active: v.vendor.code === code }))} />
        </div>
      )}
      {catalog.connection.status === "SUSPENDED" && (
        <Alert tone="warning" title={`${catalog.vendor.name} has paused orders from you`} className="mb-4">
          You can still see their catalog. Contact them to resume ordering.
        </Alert>
      )}

      <form method="get" action="/portal/catalog" role="search" aria-label="Search the catalog" className="mb-5 flex flex-col gap-3 sm:flex-row sm:items-end">
        <input type="hidden" name="vendor" value={code} />
        <div className="flex-1">
          <label htmlFor="catalog-q" className="mb-1.5 block text-sm font-medium text-slate-700">
            Search
          </label>
          <Input id="catalog-q" name="q" type="search" defaultValue={q} placeholder="Product, brand or SKU" />
        </div>
        <div className="sm:w-64">
          <label htmlFor="catalog-category" className="mb-1.5 block text-sm font-medium text-slate-700">
            Category
          </label>
          <Select
            id="catalog-category"
            name="category"
            defaultValue={categoryId}
            placeholder="All categories"
            options={categories.map((c) => ({ value: c.id, label: `${c.label} (${c.productCount})` }))}
          />
        </div>
        <label className="flex h-9 items-center gap-2 text-sm whitespace-nowrap text-slate-700">
          <input type="checkbox" name="inStock" value="1" defaultChecked={inStock} className="size-4 rounded border-slate-300 text-brand-600" />
          In stock only
        </label>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </form>

      {catalog.items.length === 0 ? (
        <EmptyState
          bordered
          icon={<BoxIcon />}
          title={filtered ? "No products match" : `${catalog.vendor.name} has no products listed yet`}
          description={filtered ? "Try another word, or clear the filters." : "Their catalog will appear here as soon as they add products."}
          action={
            filtered ? (
              <Link href={href({ q: undefined, category: undefined, inStock: undefined })} className={buttonClasses({ variant: "secondary" })}>
                Clear filters
              </Link>
            ) : undefined
          }
        />
      ) : (
        <>
          <ul aria-label="Products" className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {catalog.items.map((p) => {
              const badge = availabilityBadge[p.availability];
              return (
                <li key={p.id}>
                  <Card className="flex h-full flex-col p-4" aria-label={p.name} role="group">
                    <div className="flex gap-3">
                      <div className="flex size-16 shrink-0 items-center justify-center overflow-hidden rounded-lg bg-slate-100 text-slate-500">
                        {p.imageUrl ? (
                          // eslint-disable-next-line @next/next/no-img-element -- a private, authenticated image route; next/image would proxy it
                          <img src={p.imageUrl} alt="" className="size-full object-cover" />
                        ) : (
                          <BoxIcon className="size-7" />
                        )}
                      </div>
                      <div className="min-w-0 flex-1">
                        <h2 className="text-[15px] leading-snug font-semibold text-slate-900">{p.name}</h2>
                        <p className="mt-0.5 truncate text-xs text-slate-500">
                          {[p.brand, p.categoryName].filter(Boolean).join(" · ")}
                          {p.brand || p.categoryName ? " · " : ""}
                          <span className="font-mono">{p.sku}</span>
                        </p>
                      </div>
                    </div>
                    <div className="mt-4 flex items-end justify-between gap-3">
                      <div>
                        {p.price ? (
                          <>
                            <p className="text-lg font-semibold text-slate-900 tabular-nums">
                              {formatINR(p.price.unitPrice)}
                              <span className="text-sm font-normal text-slate-500"> / {p.unit}</span>
                            </p>
                            <p className="text-xs text-slate-500">
                              {p.price.taxInclusive ? "incl." : `+ ${formatQuantity(p.gstRate)}%`} GST
                              {p.mrp && <> · MRP {formatINR(p.mrp)}</>}
                            </p>
                          </>
                        ) : (
                          <p className="text-sm text-slate-500">Price on request</p>
                        )}
                      </div>
                      <Badge tone={badge.tone} dot>
                        {p.availableQty !== null && p.availability !== "out" ? `${formatQuantity(p.availableQty)} ${p.unit}` : badge.label}
                      </Badge>
                    </div>
                    <ul className="mt-3 space-y-1 border-t border-slate-100 pt-3 text-xs text-slate-600">
                      {p.price?.nextSlab && (
                        <li className="font-medium text-success-700">
                          {formatQuantity(p.price.nextSlab.minQty)}+ {p.unit} at {formatINR(p.price.nextSlab.unitPrice)} each
                        </li>
                      )}
                      {p.pack && (
                        <li>
                          {p.pack.unit} of {formatQuantity(p.pack.size)} {p.unit}
                          {p.pack.wholePacksOnly ? " · whole packs only" : ""}
                        </li>
                      )}
                      {Number(p.minOrderQty) > 1 && <li>Minimum order {formatQuantity(p.minOrderQty, p.unit)}</li>}
                      <li className="text-slate-500">HSN {p.hsnCode}</li>
                    </ul>
                    <div className="mt-auto">
                      <AddToCart
                        vendorCode={catalog.vendor.code}
                        productId={p.id}
                        productName={p.name}
                        unit={p.unit}
                        {...stepperFor(p.minOrderQty, p.pack)}
                        inCart={inCart.get(p.id) ?? null}
                        disabled={!canOrder || !p.price || p.availability === "out"}
                      />
                    </div>
                  </Card>
                </li>
              );
            })}
          </ul>
          <div className="mt-6">
            <Pagination page={page} pageSize={PAGE_SIZE} total={catalog.total} noun="products" hrefFor={(n) => href({ page: n })} />
          </div>
        </>
      )}
    </>
  );
}
