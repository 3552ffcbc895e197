import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { PlusIcon } from "@/components/shell/icons";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDateTime } from "@/lib/format";
import { listTransfers } from "@/lib/inventory/transfers";
import { listWarehouses } from "@/lib/inventory/warehouses";
import { ListFilters } from "../_components/list-filters";
import { Pagination } from "@/components/ui/pagination-links";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";
import { Section } from "../_components/section";

export const metadata: Metadata = { title: "Transfers" };
const PAGE_SIZE = 20;

export default async function TransfersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  const sp = await searchParams;
  const q = (one(sp.q) ?? "").trim().slice(0, 100);
  const warehouseId = one(sp.warehouseId) || undefined;
  const page = pageFrom(one(sp.page));
  const ctx = makeCtx(actor);
  const [result, warehouses] = await Promise.all([listTransfers(ctx, { q: q || undefined, warehouseId, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }), listWarehouses(ctx, { status: "all" })]);
  const href = hrefBuilder("/inventory/transfers", { q, warehouseId });
  const canWrite = can(actor, "inventory.write");
  return (
    <>
      <Section
        title="Transfers"
        description="Stock moved between your warehouses."
        actions={
          canWrite && (
            <Link href="/inventory/transfers/new" className={buttonClasses()}>
              <PlusIcon className="size-4" />
              New transfer
            </Link>
          )
        }
      />
      <ListFilters search={{ label: "Search transfers", placeholder: "TRF no., notes or product" }} selects={[{ name: "warehouseId", label: "Warehouse", placeholder: "All warehouses", options: warehouses.items.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` })) }]} />
      {result.items.length === 0 ? (
        <EmptyState bordered title={q || warehouseId ? "No transfers match" : "No transfers yet"} description={q || warehouseId ? "Try another number or product." : "Move stock between warehouses when one runs short."} action={canWrite && !q && !warehouseId ? <Link href="/inventory/transfers/new" className={buttonClasses()}>New transfer</Link> : undefined} />
      ) : (
        <>
          <Table aria-label="Transfers">
            <THead>
              <tr>
                <Th>Number</Th>
                <Th>When</Th>
                <Th>From → to</Th>
                <Th numeric className="hidden sm:table-cell">Products</Th>
                <Th className="hidden md:table-cell">Notes</Th>
                <Th className="hidden lg:table-cell">By</Th>
              </tr>
            </THead>
            <TBody>
              {result.items.map((t) => (
                <Tr key={t.id}>
                  <Td>
                    <Link href={`/inventory/transfers/${t.id}`} className="font-mono text-[13px] font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {t.number}
                    </Link>
                  </Td>
                  <Td muted className="text-[13px] whitespace-nowrap">{formatDateTime(t.createdAt)}</Td>
                  <Td className="whitespace-nowrap">
                    {t.fromWarehouse.code} <span className="text-slate-500">→</span> {t.toWarehouse.code}
                  </Td>
                  <Td numeric className="hidden sm:table-cell">
                    {t.lines.length}
                  </Td>
                  <Td muted className="hidden max-w-64 truncate md:table-cell">
                    {t.notes ?? "—"}
                  </Td>
                  <Td muted className="hidden lg:table-cell">
                    {t.createdBy ?? "—"}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={result.total} hrefFor={(p) => href({ page: p })} noun="transfers" />
        </>
      )}
    </>
  );
}
