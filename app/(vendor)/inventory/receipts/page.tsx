import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { PlusIcon } from "@/components/shell/icons";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatINR } from "@/lib/format";
import { listGoodsReceipts } from "@/lib/inventory/goods-receipts";
import { listWarehouses } from "@/lib/inventory/warehouses";
import { ListFilters } from "../_components/list-filters";
import { Pagination } from "@/components/ui/pagination-links";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";
import { Section } from "../_components/section";

export const metadata: Metadata = { title: "Goods receipts" };
const PAGE_SIZE = 20;

export default async function ReceiptsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  const sp = await searchParams;
  const q = (one(sp.q) ?? "").trim().slice(0, 100);
  const warehouseId = one(sp.warehouseId) || undefined;
  const page = pageFrom(one(sp.page));
  const ctx = makeCtx(actor);
  const [result, warehouses] = await Promise.all([listGoodsReceipts(ctx, { q: q || undefined, warehouseId, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }), listWarehouses(ctx, { status: "all" })]);
  const href = hrefBuilder("/inventory/receipts", { q, warehouseId });
  const canWrite = can(actor, "inventory.write");
  return (
    <>
      <Section
        title="Goods receipts"
        description="Stock received from suppliers, numbered GRN per financial year."
        actions={
          canWrite && (
            <Link href="/inventory/receipts/new" className={buttonClasses()}>
              <PlusIcon className="size-4" />
              New receipt
            </Link>
          )
        }
      />
      <ListFilters search={{ label: "Search receipts", placeholder: "GRN no., supplier, invoice or product" }} selects={[{ name: "warehouseId", label: "Warehouse", placeholder: "All warehouses", options: warehouses.items.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` })) }]} />
      {result.items.length === 0 ? (
        q || warehouseId ? (
          <EmptyState bordered title="No receipts match" description="Try another GRN number, supplier or product." action={<Link href="/inventory/receipts" className={buttonClasses({ variant: "secondary" })}>Clear filters</Link>} />
        ) : (
          <EmptyState bordered title="No stock yet — record a goods receipt" description="A goods receipt puts stock from a supplier on the shelf, with its cost." action={canWrite ? <Link href="/inventory/receipts/new" className={buttonClasses()}>Record a goods receipt</Link> : undefined} />
        )
      ) : (
        <>
          <Table aria-label="Goods receipts">
            <THead>
              <tr>
                <Th>Number</Th>
                <Th>Received</Th>
                <Th>Supplier</Th>
                <Th className="hidden md:table-cell">Warehouse</Th>
                <Th numeric className="hidden sm:table-cell">Products</Th>
                <Th numeric>Value at cost</Th>
                <Th className="hidden lg:table-cell">By</Th>
              </tr>
            </THead>
            <TBody>
              {result.items.map((r) => (
                <Tr key={r.id}>
                  <Td>
                    <Link href={`/inventory/receipts/${r.id}`} className="font-mono text-[13px] font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {r.number}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDate(r.receivedAt)}</Td>
                  <Td>
                    {r.supplierName ?? <span className="text-slate-500">—</span>}
                    {r.supplierInvoiceNo && <p className="font-mono text-xs text-slate-500">Inv. {r.supplierInvoiceNo}</p>}
                  </Td>
                  <Td className="hidden md:table-cell">{r.warehouse.code}</Td>
                  <Td numeric className="hidden sm:table-cell">
                    {r.lines.length}
                  </Td>
                  <Td numeric>{formatINR(r.totalCost)}</Td>
                  <Td muted className="hidden lg:table-cell">
                    {r.createdBy ?? "—"}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={result.total} hrefFor={(p) => href({ page: p })} noun="receipts" />
        </>
      )}
    </>
  );
}
