import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { EwayBillStatusBadge, ValidityText } from "@/components/logistics/eway-bill-status";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination-links";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { listEwayBills } from "@/lib/logistics/ewaybills/ewaybill-views";
import { listShipmentsAwaitingEwayBills } from "@/lib/logistics/ewaybills/shipment-eway-panel";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";
import { ListFilters } from "../inventory/_components/list-filters";

export const metadata: Metadata = { title: "E-way bills" };
const PAGE_SIZE = 20;

export default async function EwayBillsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  const sp = await searchParams;
  const q = (one(sp.q) ?? "").trim().slice(0, 100);
  const status = one(sp.status) || undefined;
  const expiring = one(sp.expiring) === "1" ? "1" : undefined;
  const page = pageFrom(one(sp.page));
  const ctx = makeCtx(actor);
  const now = ctx.now();
  const [result, awaiting] = await Promise.all([listEwayBills(ctx, { q: q || undefined, status, expiring, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }), listShipmentsAwaitingEwayBills(ctx)]);
  const href = hrefBuilder("/eway-bills", { q, status, expiring });
  const filtered = Boolean(q || status || expiring);
  return (
    <>
      <PageHeader
        title="E-way bills"
        description="E-way bills of invoices and challans: validity by distance, Part B, extensions and cancellations."
        meta={result.expiringCount > 0 ? <Badge tone="warning">{`${result.expiringCount} expiring within 8 h`}</Badge> : undefined}
        actions={
          <Link href={expiring ? "/eway-bills" : "/eway-bills?expiring=1"} className={buttonClasses({ variant: expiring ? "primary" : "secondary" })}>
            {expiring ? "Show all" : "Expiring soon"}
          </Link>
        }
      />
      {awaiting.length > 0 && !filtered && (
        <section aria-labelledby="awaiting" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 p-4">
          <h2 id="awaiting" className="mb-2 text-sm font-semibold text-amber-900">
            Shipments without an e-way bill
          </h2>
          <ul className="space-y-1 text-sm">
            {awaiting.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-x-2">
                <Link href={`/eway-bills/shipments/${s.id}`} className="font-mono font-medium text-brand-700 hover:underline">
                  {s.number}
                </Link>
                <span className="text-slate-600">{`${s.shipToName}, ${s.shipToCity} · ${s.status === "READY" ? "at the warehouse" : "on the road"}`}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ListFilters
        search={{ label: "Search e-way bills", placeholder: "EWB no., document or vehicle" }}
        selects={[{ name: "status", label: "Status", placeholder: "Any status", options: ["PENDING", "GENERATED", "EXPIRED", "CANCELLED", "FAILED"].map((s) => ({ value: s, label: s.charAt(0) + s.slice(1).toLowerCase() })) }]}
      />
      {result.data.length === 0 ? (
        <EmptyState bordered title={filtered ? "No e-way bills match" : "No e-way bills yet"} description={filtered ? "Try another number or filter." : "Generate them from a shipment, an invoice or a challan."} />
      ) : (
        <>
          <Table aria-label="E-way bills">
            <THead>
              <tr>
                <Th>E-way bill</Th>
                <Th className="hidden sm:table-cell">Document</Th>
                <Th>Status</Th>
                <Th>Valid until</Th>
                <Th className="hidden md:table-cell">Vehicle</Th>
                <Th numeric className="hidden lg:table-cell">Distance</Th>
              </tr>
            </THead>
            <TBody>
              {result.data.map((b) => (
                <Tr key={b.id}>
                  <Td>
                    <Link href={`/eway-bills/${b.id}`} className="font-mono text-[13px] font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {b.ewbNo ?? "Pending"}
                    </Link>
                    {b.provider === "sandbox" && <p className="text-xs text-slate-500">Sandbox</p>}
                  </Td>
                  <Td className="hidden font-mono text-[13px] sm:table-cell">{b.docNo}</Td>
                  <Td>
                    <EwayBillStatusBadge status={b.status} />
                  </Td>
                  <Td className="text-[13px]">
                    <ValidityText status={b.status} validUntil={b.validUntil} expiringSoon={b.expiringSoon} now={now} />
                  </Td>
                  <Td muted className="hidden font-mono text-[13px] md:table-cell">{b.vehicleNo ?? "—"}</Td>
                  <Td numeric className="hidden lg:table-cell">{`${b.distanceKm} km`}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={result.total} hrefFor={(p) => href({ page: p })} noun="e-way bills" />
        </>
      )}
    </>
  );
}
