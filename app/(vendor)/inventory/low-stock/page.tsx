import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { listLowStock } from "@/lib/inventory/low-stock";
import { StockStatusBadge } from "../_components/badges";
import { formatQty, unitLabel } from "../_components/format";
import { ListFilters } from "../_components/list-filters";
import { Pagination } from "@/components/ui/pagination-links";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";
import { Section } from "../_components/section";

export const metadata: Metadata = { title: "Low stock" };
const PAGE_SIZE = 50;

export default async function LowStockPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  const sp = await searchParams;
  const q = (one(sp.q) ?? "").trim().slice(0, 100);
  const page = pageFrom(one(sp.page));
  const result = await listLowStock(makeCtx(actor), { q: q || undefined, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE });
  const href = hrefBuilder("/inventory/low-stock", { q });
  return (
    <>
      <Section
        title="Low stock"
        description="Active products whose available stock (on hand minus reserved, all active warehouses) is at or below the reorder level. Out of stock first."
        actions={
          can(actor, "inventory.write") && (
            <Link href="/inventory/receipts/new" className={buttonClasses()}>
              Receive stock
            </Link>
          )
        }
      />
      <ListFilters search={{ label: "Search low stock", placeholder: "Search SKU or name" }} />
      {result.items.length === 0 ? (
        <EmptyState bordered title={q ? "No low-stock products match" : "Nothing is running low"} description={q ? `Nothing found for “${q}”.` : "Every active product has more available than its reorder level. Set reorder levels on the product form."} />
      ) : (
        <>
          <Table aria-label="Low stock">
            <THead>
              <tr>
                <Th>Product</Th>
                <Th>Status</Th>
                <Th numeric className="hidden md:table-cell">On hand</Th>
                <Th numeric className="hidden md:table-cell">Reserved</Th>
                <Th numeric>Available</Th>
                <Th numeric>Reorder level</Th>
                <Th numeric>Shortfall</Th>
              </tr>
            </THead>
            <TBody>
              {result.items.map((r) => (
                <Tr key={r.product.id}>
                  <Td>
                    <Link href={`/inventory/ledger?productId=${r.product.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {r.product.name}
                    </Link>
                    <p className="font-mono text-xs text-slate-500">{r.product.sku}</p>
                  </Td>
                  <Td>
                    <StockStatusBadge status={r.status} />
                  </Td>
                  <Td numeric muted className="hidden md:table-cell">
                    {formatQty(r.onHand)}
                  </Td>
                  <Td numeric muted className="hidden md:table-cell">
                    {formatQty(r.reserved)}
                  </Td>
                  <Td numeric className="font-medium">
                    {formatQty(r.available)} <span className="text-xs font-normal text-slate-500">{unitLabel(r.product.unit)}</span>
                  </Td>
                  <Td numeric muted>
                    {formatQty(r.reorderLevel)}
                  </Td>
                  <Td numeric>
                    <span className="font-medium text-warning-800">{Number(r.shortfall) > 0 ? formatQty(r.shortfall) : "—"}</span>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={result.total} hrefFor={(p) => href({ page: p })} noun="products" />
        </>
      )}
    </>
  );
}
