// The "Delivery" card of an order (vendor order page and the retailer's portal): each shipment's
// tracking events, the trip carrying it and the ETA at the order's stop. Server component.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { OrderTracking } from "@/lib/logistics/tracking/get-order-tracking";
import { ShipmentStatusBadge } from "./shipment-status";
import { TrackingTimeline } from "./tracking-timeline";


export function OrderTrackingCard({ tracking, orderId, staff, title = "Delivery" }: { tracking: OrderTracking; orderId: string; staff: boolean; title?: string }) {
  if (tracking.shipments.length === 0 && !tracking.canCreateShipment) return null;
  return (
    <Card>
      <CardHeader
        title={title}
        description={tracking.shipments.length === 0 ? "Packed, on no shipment yet." : undefined}
        actions={
          tracking.canCreateShipment ? (
            <Link href={`/shipments/new?order=${orderId}`} className={buttonClasses({ size: "sm" })}>
              Create shipment
            </Link>
          ) : undefined
        }
      />
      {tracking.shipments.map((s) => (
        <div key={s.id} className="border-t border-slate-100">
          <div className="flex flex-wrap items-center justify-between gap-2 px-5 pt-3 text-sm">
            {staff ? (
              <Link href={`/shipments/${s.id}`} className="font-mono text-[13px] text-brand-700 hover:underline">
                {s.number}
              </Link>
            ) : (
              <span className="font-mono text-[13px]">{s.number}</span>
            )}
            <ShipmentStatusBadge status={s.status} />
          </div>
          {s.trip && (
            <p className="px-5 pt-1 text-xs text-slate-600">
              Trip {s.trip.number}
              {s.trip.vehicleNo ? ` · ${s.trip.vehicleNo}` : ""}
              {s.trip.driverName ? ` · ${s.trip.driverName}` : ""}
              {s.trip.stop?.eta && (s.trip.status === "SCHEDULED" || s.trip.status === "IN_TRANSIT") && s.trip.stop.status === "PENDING" ? (
                <strong className="block text-sm text-slate-900">Expected around {formatDateTime(s.trip.stop.eta)}</strong>
              ) : null}
            </p>
          )}
          <TrackingTimeline events={s.events} />
        </div>
      ))}
    </Card>
  );
}
