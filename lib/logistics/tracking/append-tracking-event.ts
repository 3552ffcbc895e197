import "server-only";
// One entry of a shipment's append-only history (the table's trigger refuses updates and deletes).
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type TrackingEventInput = {
  companyId: string;
  shipmentId: string;
  /** created | dispatched | out_for_delivery | arrived | delivered | partly_delivered | refused | not_home | returned | in_transit | cancelled | … */
  code: string;
  description: string;
  /** staff | driver | partner | system */
  source: string;
  occurredAt: Date;
  location?: string | null;
  latitude?: string | number | null;
  longitude?: string | number | null;
  externalId?: string | null;
};

export async function appendTrackingEvent(tx: Tx, e: TrackingEventInput) {
  return tx.trackingEvent.create({
    data: {
      companyId: e.companyId,
      shipmentId: e.shipmentId,
      code: e.code,
      description: e.description,
      source: e.source,
      occurredAt: e.occurredAt,
      location: e.location ?? null,
      latitude: e.latitude == null ? null : String(e.latitude),
      longitude: e.longitude == null ? null : String(e.longitude),
      externalId: e.externalId ?? null,
    },
    select: { id: true },
  });
}
