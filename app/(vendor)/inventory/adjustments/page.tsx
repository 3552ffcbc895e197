import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { cn } from "@/lib/cn";
import { makeCtx } from "@/lib/ctx";
import { formatDateTime } from "@/lib/format";
import { listMovements } from "@/lib/inventory/movements";
import { listWarehouses } from "@/lib/inventory/warehouses";
import { signedQty, unitLabel } from "../_components/format";
import { Pagination } from "@/components/ui/pagination-links";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";
import { Section } from "../_components/section";
import { AdjustForm } from "./adjust-form";

export const metadata: Metadata = { title: "Stock adjustments" };
const PAGE_SIZE = 20;

export default async function AdjustmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  const sp = await searchParams;
  const page = pageFrom(one(sp.page));
  const ctx = makeCtx(actor);
  const [recent, warehouses] = await Promise.all([listMovements(ctx, { kind: "ADJUSTMENT", offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }), listWarehouses(ctx, { status: "active" })]);
  const canWrite = can(actor, "inventory.write");
  const href = hrefBuilder("/inventory/adjustments", {});
  return (
    <>
      <Section title="Stock adjustments" description="Correct stock for damage, expiry, theft or a miscount. Reserved units belong to orders and cannot be removed." />
      <div className="grid items-start gap-6 2xl:grid-cols-[26rem_minmax(0,1fr)]">
        {canWrite && (
          <Card className="h-fit max-w-2xl">
            <CardHeader title="New adjustment" />
            <CardBody className="py-5">{warehouses.items.length ? <AdjustForm warehouses={warehouses.items} /> : <p className="text-sm text-slate-500">Add a warehouse first.</p>}</CardBody>
          </Card>
        )}
        <div className={cn(!canWrite && "2xl:col-span-2")}>
          <h3 className="mb-3 text-sm font-semibold text-slate-900">Recent adjustments</h3>
          {recent.items.length === 0 ? (
            <EmptyState bordered title="No adjustments yet" description="Adjustments and stock-count differences show up here." />
          ) : (
            <>
              <Table aria-label="Recent adjustments">
                <THead>
                  <tr>
                    <Th>Product</Th>
                    <Th numeric>Change</Th>
                    <Th className="hidden md:table-cell">Reason</Th>
                    <Th className="hidden lg:table-cell">When</Th>
                  </tr>
                </THead>
                <TBody>
                  {recent.items.map((m) => (
                    <Tr key={m.id}>
                      <Td>
                        <Link href={`/inventory/ledger?productId=${m.product.id}&warehouseId=${m.warehouse.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                          {m.product.name}
                        </Link>
                        <p className="text-xs text-slate-500">
                          <span className="font-mono">{m.product.sku}</span> · {m.warehouse.code}
                        </p>
                      </Td>
                      <Td numeric>
                        <span className={cn("font-medium", Number(m.onHandDelta) > 0 ? "text-success-700" : "text-danger-700")}>{signedQty(m.onHandDelta)}</span> <span className="text-xs text-slate-500">{unitLabel(m.product.unit)}</span>
                      </Td>
                      <Td className="hidden text-[13px] md:table-cell">
                        {m.reference?.href ? (
                          <Link href={m.reference.href} className="font-mono text-brand-700 hover:underline">
                            {m.reference.label}
                          </Link>
                        ) : (
                          m.reason
                        )}
                      </Td>
                      <Td muted className="hidden text-[13px] whitespace-nowrap lg:table-cell">
                        {formatDateTime(m.createdAt)}
                        <p className="text-xs">{m.user?.name ?? "System"}</p>
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
              <Pagination page={page} pageSize={PAGE_SIZE} total={recent.total} hrefFor={(p) => href({ page: p })} noun="adjustments" />
            </>
          )}
        </div>
      </div>
    </>
  );
}
