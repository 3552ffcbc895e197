import type { Metadata } from "next";
import type { ReactNode } from "react";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PostalAddress } from "@/components/ui/postal-address";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime, formatINR } from "@/lib/format";
import { EwayBillPanel } from "@/components/logistics/eway-bill-panel";
import { ShippingPanel } from "@/components/logistics/shipping-panel";
import { getShipmentOrThrow } from "@/lib/logistics/shipments/get-shipment-or-throw";
import { ShipmentActions } from "../_components/shipment-actions";
import { ShipmentStatusBadge } from "../_components/shipment-status";
import { TrackingTimeline } from "../_components/tracking-timeline";

export const metadata: Metadata = { title: "Shipment" };

export default async function ShipmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  if (!can(actor, "logistics.read")) redirect("/dashboard");
  const { id } = await params;
  const s = await getShipmentOrThrow(makeCtx(actor), id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/shipments" className="hover:text-slate-800">
            ← Shipments
          </Link>
        }
        title={<span className="font-mono">{s.number}</span>}
        meta={<ShipmentStatusBadge status={s.status} />}
        description={`${s.consignee.name} · ${s.shipTo.city} · from ${s.warehouse.code}`}
        actions={<ShipmentActions shipment={{ id: s.id, number: s.number, actions: s.availableActions }} />}
      />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-4">
          <Card>
            <CardHeader title="Orders" description="The packed orders this shipment carries." />
            <ul className="divide-y divide-slate-100 text-sm">
              {s.orders.map((o) => (
                <li key={o.id} className="flex items-center justify-between gap-3 px-5 py-2.5">
                  <Link href={`/orders/${o.id}`} className="font-mono text-[13px] text-brand-700 hover:underline">
                    {o.number}
                  </Link>
                  <span className="text-slate-600">
                    {o.status.toLowerCase()} · {formatINR(o.grandTotal)}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
          <EwayBillPanel shipmentId={s.id} />
          <Card>
            <CardHeader title="Tracking" description="Every event, oldest first." />
            <TrackingTimeline events={s.events} />
          </Card>
        </div>
        <div className="space-y-4">
          <Card>
            <CardHeader title="Packages and carrier" />
            <Details
              rows={[
                ["Packages", String(s.packages)],
                ["Weight", `${s.weightKg} kg`],
                ["Volume", `${s.volumeM3} m³`],
                ["Crates", String(s.crates)],
                ["Declared value", formatINR(s.declaredValue)],
                ["Carrier", s.carrier.type === "OWN_FLEET" ? "Own fleet" : (s.carrier.courierName ?? "Shipping partner")],
                ["LR", s.lrNumber ? `${s.lrNumber}${s.lrDate ? ` · ${formatDate(s.lrDate)}` : ""}` : "—"],
                ["Trip", s.trip ? <Link key="t" href={`/trips/${s.trip.id}`} className="font-mono text-[13px] text-brand-700 hover:underline">{s.trip.number}</Link> : "—"],
                ["Dispatched", s.dispatchedAt ? formatDateTime(s.dispatchedAt) : "—"],
                ["Delivered", s.deliveredAt ? formatDateTime(s.deliveredAt) : "—"],
              ]}
            />
          </Card>
          {s.carrier.type === "PARTNER" || (s.status === "READY" && !s.trip) ? (
            <Card id="shipping-partner" className="scroll-mt-20">
              <CardHeader title="Shipping partner" description="Rates beside your own fleet; book a courier for this shipment." />
              <ShippingPanel shipmentId={s.id} canBook={can(actor, "logistics.write") && s.status === "READY" && !s.trip} trackingUrl={s.carrier.trackingUrl ?? null} />
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Ship to" />
            <PostalAddress address={s.shipTo} className="px-5 py-4 text-sm" />
          </Card>
        </div>
      </div>
    </>
  );
}

function Details({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="flex justify-between gap-4 px-5 py-2.5">
          <dt className="shrink-0 text-slate-500">{k}</dt>
          <dd className="text-right text-slate-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
