import "server-only";
// Cancel an issued delivery challan with a reason. Refused while an e-way bill on it is live (cancel that
// first, within its 24 hours) and once its shipment has left the warehouse (the goods moved on it). The
// number stays used: the series remains gapless with the cancelled challan in it.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getChallanOrThrow, type ChallanView } from "./challan-views";
import { cancelChallanInput } from "./challans.schemas";

export async function cancelChallan(ctx: Ctx, id: string, input: unknown): Promise<ChallanView> {
  assertCan(ctx.actor, "logistics.write");
  const data = parseInput(cancelChallanInput, input);
  const companyId = ctx.actor.companyId;
  if (typeof id !== "string" || !id || id.length > 64) throw notFound("Delivery challan");
  await ctx.db.$transaction(async (tx) => {
    const [c] = await tx.$queryRaw<{ id: string; number: string; status: string; shipmentId: string | null }[]>`SELECT id, number, status::text, "shipmentId" FROM "DeliveryChallan" WHERE id = ${id} AND "companyId" = ${companyId} FOR UPDATE`;
    if (!c) throw notFound("Delivery challan");
    if (c.status === "CANCELLED") throw new AppError("invalid_transition", `${c.number} is already cancelled`);
    const ewb = await tx.ewayBill.findFirst({ where: { companyId, challanId: id, status: { in: ["PENDING", "GENERATED"] } }, select: { ewbNo: true } });
    if (ewb) throw new AppError("conflict", `${c.number} has a live e-way bill${ewb.ewbNo ? ` (${ewb.ewbNo})` : ""}; cancel the e-way bill first`);
    if (c.shipmentId) {
      const s = await tx.shipment.findFirst({ where: { id: c.shipmentId, companyId }, select: { number: true, status: true } });
      if (s && s.status !== "READY" && s.status !== "CANCELLED") throw new AppError("invalid_transition", `The goods already left on ${c.number} (shipment ${s.number} is ${s.status.toLowerCase().replace("_", " ")}); it cannot be cancelled`);
    }
    const at = ctx.now();
    const n = await tx.deliveryChallan.updateMany({ where: { id, companyId, status: "ISSUED" }, data: { status: "CANCELLED", cancelledAt: at, cancelReason: data.reason } });
    if (n.count !== 1) throw new AppError("conflict", `${c.number} changed meanwhile; reload and try again`);
    await recordAudit(ctx, tx, { action: "delivery_challan.cancel", entityType: "DeliveryChallan", entityId: id, before: { status: "ISSUED" }, after: { status: "CANCELLED", reason: data.reason } });
  });
  return getChallanOrThrow(ctx, id);
}
