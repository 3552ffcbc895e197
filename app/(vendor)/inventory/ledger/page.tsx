import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { cn } from "@/lib/cn";
import { makeCtx } from "@/lib/ctx";
import { formatDateTime, formatINR } from "@/lib/format";
import { MOVEMENT_KINDS } from "@/lib/inventory/inventory.schemas";
import { MOVEMENT_LABELS, listMovements } from "@/lib/inventory/movements";
import { listStockLevels } from "@/lib/inventory/stock-levels";
import { listWarehouses } from "@/lib/inventory/warehouses";
import { findStockProduct } from "@/lib/inventory/product-search";
import { MovementBadge } from "../_components/badges";
import { formatQty, signedQty, unitLabel } from "../_components/format";
import { ListFilters } from "../_components/list-filters";
import { Pagination } from "@/components/ui/pagination-links";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";
import { Section } from "../_components/section";
import { LedgerProductFilter } from "./product-filter";

export const metadata: Metadata = { title: "Stock ledger" };
const PAGE_SIZE = 50;

export default async function LedgerPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  const sp = await searchParams;
  const productId = one(sp.productId) || undefined;
  const warehouseId = one(sp.warehouseId) || undefined;
  const kind = MOVEMENT_KINDS.find((k) => k === one(sp.kind));
  const page = pageFrom(one(sp.page));
  const ctx = makeCtx(actor);
  const [result, warehouses, product] = await Promise.all([
    listMovements(ctx, { productId, warehouseId, kind, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }),
    listWarehouses(ctx, { status: "all" }),
    productId ? findStockProduct(ctx, productId) : null,
  ]);
  const level = product ? (await listStockLevels(ctx, { q: product.sku, warehouseId, pageSize: 5 })).items.find((r) => r.product.id === product.id) : undefined;
  const warehouse = warehouses.items.find((w) => w.id === warehouseId);
  const href = hrefBuilder("/inventory/ledger", { productId, warehouseId, kind });

  return (
    <>
      <Section
        title={product ? `Ledger: ${product.name}` : "Stock ledger"}
        description={
          product
            ? `Every movement of ${product.sku}${warehouse ? ` in ${warehouse.code}` : " in all warehouses"}, newest first.${result.runningBalance ? " The balance column is the on-hand quantity after each movement." : warehouses.items.length > 1 ? " Pick a warehouse to see the running balance." : ""}`
            : "Every stock movement, newest first. Rows are never changed or deleted: corrections are new movements."
        }
      />
      {product && level && (
        <div className="mb-4 flex flex-wrap gap-x-8 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
          {[
            ["On hand", level.onHand],
            ["Reserved", level.reserved],
            ["Available", level.available],
          ].map(([k, v]) => (
            <div key={k}>
              <p className="text-xs text-slate-500 uppercase">{k}</p>
              <p className="font-semibold text-slate-900 tabular-nums">
                {formatQty(v)} <span className="text-xs font-normal text-slate-500">{unitLabel(product.unit)}</span>
              </p>
            </div>
          ))}
        </div>
      )}
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start">
        <LedgerProductFilter product={product} />
        <div className="flex-1">
          <ListFilters
            selects={[
              { name: "warehouseId", label: "Warehouse", placeholder: "All warehouses", options: warehouses.items.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` })) },
              { name: "kind", label: "Movement", placeholder: "All movements", options: MOVEMENT_KINDS.map((k) => ({ value: k, label: MOVEMENT_LABELS[k] })) },
            ]}
          />
        </div>
      </div>
      {result.items.length === 0 ? (
        <EmptyState
          bordered
          title={productId || warehouseId || kind ? "No movements match" : "No stock movements yet"}
          description={productId || warehouseId || kind ? "Nothing has moved for this filter." : "Receipts, adjustments, transfers, counts and orders all show up here."}
          action={productId || warehouseId || kind ? <Link href="/inventory/ledger" className={buttonClasses({ variant: "secondary" })}>Clear filters</Link> : <Link href="/inventory/receipts/new" className={buttonClasses()}>Record a goods receipt</Link>}
        />
      ) : (
        <>
          <Table aria-label="Stock movements">
            <THead>
              <tr>
                <Th>When</Th>
                {!product && <Th>Product</Th>}
                {!warehouse && <Th className="hidden md:table-cell">Warehouse</Th>}
                <Th>Movement</Th>
                <Th numeric>On hand</Th>
                <Th numeric className="hidden sm:table-cell">Reserved</Th>
                {result.runningBalance && <Th numeric>Balance</Th>}
                <Th className="hidden lg:table-cell">Reference / reason</Th>
                <Th className="hidden xl:table-cell">By</Th>
              </tr>
            </THead>
            <TBody>
              {result.items.map((m) => (
                <Tr key={m.id}>
                  <Td muted className="text-[13px] whitespace-nowrap">{formatDateTime(m.createdAt)}</Td>
                  {!product && (
                    <Td>
                      <Link href={href({ productId: m.product.id, page: undefined })} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                        {m.product.name}
                      </Link>
                      <p className="font-mono text-xs text-slate-500">{m.product.sku}</p>
                    </Td>
                  )}
                  {!warehouse && <Td className="hidden md:table-cell">{m.warehouse.code}</Td>}
                  <Td>
                    <MovementBadge kind={m.kind} />
                  </Td>
                  <Td numeric>
                    <span className={cn("font-medium", Number(m.onHandDelta) > 0 ? "text-success-700" : Number(m.onHandDelta) < 0 ? "text-danger-700" : "text-slate-500")}>{signedQty(m.onHandDelta)}</span>
                  </Td>
                  <Td numeric className="hidden sm:table-cell">
                    <span className={Number(m.reservedDelta) === 0 ? "text-slate-500" : "text-info-700"}>{signedQty(m.reservedDelta)}</span>
                  </Td>
                  {result.runningBalance && (
                    <Td numeric className="font-medium">
                      {m.onHandAfter !== null ? formatQty(m.onHandAfter) : "—"}
                      {m.reservedAfter !== null && Number(m.reservedAfter) > 0 && <p className="text-xs font-normal text-slate-500">{formatQty(m.reservedAfter)} reserved</p>}
                    </Td>
                  )}
                  <Td className="hidden text-[13px] lg:table-cell">
                    {m.reference && (m.reference.href ? <Link href={m.reference.href} className="font-mono text-brand-700 hover:underline">{m.reference.label}</Link> : <span className="font-mono">{m.reference.label}</span>)}
                    {m.reason && <p className="text-slate-500">{m.reason}</p>}
                    {m.unitCost && <p className="text-xs text-slate-500">at {formatINR(m.unitCost)} / {unitLabel(m.product.unit)}</p>}
                  </Td>
                  <Td muted className="hidden text-[13px] xl:table-cell">
                    {m.user?.name ?? "System"}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={result.total} hrefFor={(p) => href({ page: p })} noun="movements" />
        </>
      )}
    </>
  );
}
