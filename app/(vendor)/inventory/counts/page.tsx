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
import { listStockCounts } from "@/lib/inventory/stock-counts";
import { listWarehouses } from "@/lib/inventory/warehouses";
import { CountStatusBadge } from "../_components/badges";
import { ListFilters } from "../_components/list-filters";
import { Pagination } from "@/components/ui/pagination-links";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";
import { Section } from "../_components/section";

export const metadata: Metadata = { title: "Stock counts" };
const PAGE_SIZE = 20;
const statuses = ["DRAFT", "POSTED", "CANCELLED"] as const;

export default async function CountsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  const sp = await searchParams;
  const warehouseId = one(sp.warehouseId) || undefined;
  const status = statuses.find((s) => s === one(sp.status));
  const page = pageFrom(one(sp.page));
  const ctx = makeCtx(actor);
  const [result, warehouses] = await Promise.all([listStockCounts(ctx, { warehouseId, status, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }), listWarehouses(ctx, { status: "all" })]);
  const href = hrefBuilder("/inventory/counts", { warehouseId, status });
  const canWrite = can(actor, "inventory.write");
  return (
    <>
      <Section
        title="Stock counts"
        description="Physical stock-taking. Differences are posted against the stock on hand at the moment of posting."
        actions={
          canWrite && (
            <Link href="/inventory/counts/new" className={buttonClasses()}>
              <PlusIcon className="size-4" />
              New count
            </Link>
          )
        }
      />
      <ListFilters
        selects={[
          { name: "warehouseId", label: "Warehouse", placeholder: "All warehouses", options: warehouses.items.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` })) },
          { name: "status", label: "Status", placeholder: "Any status", options: [{ value: "DRAFT", label: "Draft" }, { value: "POSTED", label: "Posted" }, { value: "CANCELLED", label: "Cancelled" }] },
        ]}
      />
      {result.items.length === 0 ? (
        <EmptyState bordered title={warehouseId || status ? "No counts match" : "No stock counts yet"} description="Count what is on the shelf and let the system post the differences." action={canWrite ? <Link href="/inventory/counts/new" className={buttonClasses()}>Start a count</Link> : undefined} />
      ) : (
        <>
          <Table aria-label="Stock counts">
            <THead>
              <tr>
                <Th>Number</Th>
                <Th>Warehouse</Th>
                <Th>Status</Th>
                <Th numeric>Counted</Th>
                <Th numeric className="hidden sm:table-cell">Differences</Th>
                <Th className="hidden md:table-cell">Started</Th>
                <Th className="hidden lg:table-cell">Posted</Th>
              </tr>
            </THead>
            <TBody>
              {result.items.map((c) => (
                <Tr key={c.id}>
                  <Td>
                    <Link href={`/inventory/counts/${c.id}`} className="font-mono text-[13px] font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {c.number}
                    </Link>
                    {c.notes && <p className="max-w-56 truncate text-xs text-slate-500">{c.notes}</p>}
                  </Td>
                  <Td>{c.warehouse.code}</Td>
                  <Td>
                    <CountStatusBadge status={c.status} />
                  </Td>
                  <Td numeric>
                    {c.countedCount} <span className="text-slate-500">/ {c.lineCount}</span>
                  </Td>
                  <Td numeric className="hidden sm:table-cell">
                    {c.differenceCount}
                  </Td>
                  <Td muted className="hidden text-[13px] whitespace-nowrap md:table-cell">
                    {formatDateTime(c.createdAt)}
                    {c.createdBy && <p className="text-xs">{c.createdBy}</p>}
                  </Td>
                  <Td muted className="hidden text-[13px] whitespace-nowrap lg:table-cell">
                    {c.postedAt ? formatDateTime(c.postedAt) : "—"}
                    {c.postedBy && <p className="text-xs">{c.postedBy}</p>}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={result.total} hrefFor={(p) => href({ page: p })} noun="counts" />
        </>
      )}
    </>
  );
}
