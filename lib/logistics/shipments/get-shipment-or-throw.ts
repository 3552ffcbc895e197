import "server-only";
// One shipment of the company, with its orders and tracking history; another company's is 404.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { loadShipmentView, type ShipmentView } from "@/lib/logistics/shipments/shipment-views";

export async function getShipmentOrThrow(ctx: Ctx, shipmentId: string): Promise<ShipmentView> {
  assertCan(ctx.actor, "logistics.read");
  return loadShipmentView(ctx.db, ctx.actor, ctx.actor.companyId, String(shipmentId));
}
