import { DateInput } from "@/components/ui/date-input";
import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { ClipboardIcon } from "@/components/shell/icons";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination-links";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDateTime, formatINR } from "@/lib/format";
import { listShipments } from "@/lib/logistics/shipments/list-shipments";
import { shipmentStatuses } from "@/lib/logistics/shipments/shipments.schemas";
import { isCalendarDay } from "@/lib/pricing/dates";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";
import { ShipmentStatusBadge, shipmentStatusLabel } from "../_components/shipment-status";

export const metadata: Metadata = { title: "Shipments" };
const PAGE_SIZE = 25;

export default async function ShipmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "logistics.read")) redirect("/dashboard");
  const sp = await searchParams;
  const statusParam = one(sp.status);
  const status = shipmentStatuses.find((s) => s === statusParam);
  const q = (one(sp.q) ?? "").slice(0, 100);
  const from = isCalendarDay(one(sp.from) ?? "") ? one(sp.from) : undefined;
  const to = isCalendarDay(one(sp.to) ?? "") ? one(sp.to) : undefined;
  const page = Math.min(pageFrom(one(sp.page)), 4000);
  const result = await listShipments(makeCtx(actor), { status, q: q || undefined, from, to, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE });
  const href = hrefBuilder("/shipments", { status, q: q || undefined, from, to });
  const tab = (s: (typeof shipmentStatuses)[number] | undefined) => hrefBuilder("/shipments", { status: s, q: q || undefined, from, to })({});
  return (
    <>
      <PageHeader
        title="Shipments"
        description="What leaves a warehouse for one consignee: packed orders with packages, weight and carrier, and every tracking event."
        actions={
          can(actor, "logistics.write") ? (
            <Link href="/shipments/new" className={buttonClasses()}>
              Create shipment
            </Link>
          ) : undefined
        }
      />
      <div className="space-y-4">
        <LinkTabs label="Shipment status" items={[{ href: tab(undefined), label: "All", active: !status }, ...shipmentStatuses.map((s) => ({ href: tab(s), label: shipmentStatusLabel(s), active: status === s }))]} />
        <form method="get" className="flex flex-wrap items-end gap-2" role="search">
          {status && <input type="hidden" name="status" value={status} />}
          <label className="text-xs text-slate-600">
            Search
            <input name="q" defaultValue={q} placeholder="Shipment, order, retailer, LR" className="mt-1 block h-9 w-64 max-w-full rounded-md border border-slate-300 px-3 text-sm" />
          </label>
          <label className="text-xs text-slate-600">
            From
            <DateInput name="from" defaultValue={from} className="mt-1 w-40" />
          </label>
          <label className="text-xs text-slate-600">
            To
            <DateInput name="to" defaultValue={to} className="mt-1 w-40" />
          </label>
          <button className={buttonClasses({ variant: "secondary" })}>Filter</button>
        </form>
        {result.data.length === 0 ? (
          <Card>
            <EmptyState icon={<ClipboardIcon className="size-6" />} title="No shipments here" description="Create a shipment from packed orders: one consignee, one warehouse." />
          </Card>
        ) : (
          <Card className="overflow-x-auto">
            <table className="w-full min-w-[720px] text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
                <tr>
                  <th className="px-4 py-2.5 text-left font-medium">Shipment</th>
                  <th className="px-3 py-2.5 text-left font-medium">Consignee</th>
                  <th className="px-3 py-2.5 text-left font-medium">Status</th>
                  <th className="px-3 py-2.5 text-left font-medium">Trip / LR</th>
                  <th className="px-3 py-2.5 text-right font-medium">Packages</th>
                  <th className="px-4 py-2.5 text-right font-medium">Value</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.data.map((s) => (
                  <tr key={s.id}>
                    <td className="px-4 py-2.5">
                      <Link href={`/shipments/${s.id}`} className="font-mono text-[13px] font-medium text-brand-700 hover:underline">
                        {s.number}
                      </Link>
                      <span className="block text-xs text-slate-500">{formatDateTime(s.createdAt)} · {s.orders.map((o) => o.number).join(", ")}</span>
                    </td>
                    <td className="px-3 py-2.5">
                      <span className="font-medium">{s.consignee.name}</span>
                      <span className="block text-xs text-slate-500">{s.shipTo.city} {s.shipTo.pincode}</span>
                    </td>
                    <td className="px-3 py-2.5">
                      <ShipmentStatusBadge status={s.status} />
                    </td>
                    <td className="px-3 py-2.5 text-slate-600">
                      {s.trip ? (
                        <Link href={`/trips/${s.trip.id}`} className="font-mono text-[13px] hover:underline">
                          {s.trip.number}
                        </Link>
                      ) : (
                        (s.lrNumber ?? "—")
                      )}
                    </td>
                    <td className="px-3 py-2.5 text-right tabular-nums">
                      {s.packages} · {s.weightKg} kg
                    </td>
                    <td className="px-4 py-2.5 text-right tabular-nums">{formatINR(s.declaredValue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
        <Pagination page={page} pageSize={PAGE_SIZE} total={result.total} hrefFor={(p) => href({ page: p })} noun="shipments" />
      </div>
    </>
  );
}
