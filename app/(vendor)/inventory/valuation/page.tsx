import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TFoot, Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { cn } from "@/lib/cn";
import { makeCtx } from "@/lib/ctx";
import { formatINR } from "@/lib/format";
import { stockValuation } from "@/lib/inventory/valuation";
import { formatQty, unitLabel } from "../_components/format";
import { Pagination } from "@/components/ui/pagination-links";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";
import { Section } from "../_components/section";

export const metadata: Metadata = { title: "Stock valuation" };
const PAGE_SIZE = 50;

export default async function ValuationPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  const sp = await searchParams;
  const warehouseId = one(sp.warehouseId) || undefined;
  const page = pageFrom(one(sp.page));
  const ctx = makeCtx(actor);
  const [v, all] = await Promise.all([stockValuation(ctx, { warehouseId, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }), warehouseId ? stockValuation(ctx, { pageSize: 1 }) : null]);
  const warehouses = (all ?? v).warehouses;
  const href = hrefBuilder("/inventory/valuation", { warehouseId });
  const chosen = warehouses.find((w) => w.id === warehouseId);
  return (
    <>
      <Section title="Stock valuation" description="Stock on hand at cost: quantity × the product's cost price (kept as a weighted average by goods receipts)." />
      <div className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Link href="/inventory/valuation" className={cn("rounded-lg border bg-white px-4 py-3 shadow-card transition-colors", !warehouseId ? "border-brand-500 ring-1 ring-brand-500" : "border-slate-200 hover:border-slate-300")}>
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">All warehouses</p>
          <p className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{formatINR((all ?? v).totals.value)}</p>
          <p className="mt-0.5 text-xs text-slate-500">{(all ?? v).totals.productsValued} products valued</p>
        </Link>
        {warehouses.map((w) => (
          <Link key={w.id} href={href({ warehouseId: w.id, page: undefined })} className={cn("rounded-lg border bg-white px-4 py-3 shadow-card transition-colors", w.id === warehouseId ? "border-brand-500 ring-1 ring-brand-500" : "border-slate-200 hover:border-slate-300")}>
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">
              {w.code} · {w.name}
            </p>
            <p className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{formatINR(w.value)}</p>
            <p className="mt-0.5 text-xs text-slate-500">
              {w.productsValued} products{w.productsWithoutCost > 0 && ` · ${w.productsWithoutCost} without cost`}
            </p>
          </Link>
        ))}
      </div>
      {v.totals.productsWithoutCost > 0 && (
        <Alert tone="warning" className="mb-4" title={`${v.totals.productsWithoutCost} product${v.totals.productsWithoutCost === 1 ? " has" : "s have"} stock but no cost price`}>
          They are listed below as not valued and left out of the totals. Set a cost price on the product, or record receipts with a unit cost.
        </Alert>
      )}
      {v.items.length === 0 ? (
        <EmptyState bordered title="Nothing to value" description={chosen ? `${chosen.code} holds no stock.` : "No stock on hand yet — record a goods receipt."} />
      ) : (
        <>
          <Table aria-label="Valuation by product">
            <THead>
              <tr>
                <Th>Product</Th>
                <Th numeric>On hand</Th>
                <Th numeric>Cost price</Th>
                <Th numeric>Value</Th>
              </tr>
            </THead>
            <TBody>
              {v.items.map((r) => (
                <Tr key={r.product.id}>
                  <Td>
                    <Link href={`/inventory/ledger?productId=${r.product.id}${warehouseId ? `&warehouseId=${warehouseId}` : ""}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {r.product.name}
                    </Link>
                    <p className="font-mono text-xs text-slate-500">{r.product.sku}</p>
                  </Td>
                  <Td numeric>
                    {formatQty(r.onHand)} <span className="text-xs text-slate-500">{unitLabel(r.product.unit)}</span>
                  </Td>
                  <Td numeric>{r.costPrice ? formatINR(r.costPrice) : <Badge tone="warning">No cost price</Badge>}</Td>
                  <Td numeric className="font-medium">
                    {r.value ? formatINR(r.value) : <span className="text-xs font-normal text-slate-500">Not valued</span>}
                  </Td>
                </Tr>
              ))}
            </TBody>
            <TFoot>
              <tr>
                <Td colSpan={3} className="text-right">
                  Total {chosen ? `in ${chosen.code}` : ""}
                </Td>
                <Td numeric className="font-semibold">
                  {formatINR(v.totals.value)}
                </Td>
              </tr>
            </TFoot>
          </Table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={v.total} hrefFor={(p) => href({ page: p })} noun="products" />
        </>
      )}
    </>
  );
}
