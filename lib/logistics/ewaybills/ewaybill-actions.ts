import "server-only";
import type { z } from "zod";
// What staff do to a generated e-way bill: update Part B (VEHEWB, with a reason), change the transporter,
// extend the validity, cancel. Each checks the rules the e-way bill system applies (so the answer is immediate
// and in words), then queues one operation that a job sends after commit; one operation at a time per bill.
// updatePartBForTrip is the door for trips: one call updates the Part B of every live bill on a trip's shipments.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import type { Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { EwayBill, Prisma } from "@/lib/generated/prisma/client";
import type { EwbExtend, EwbVehicleUpdate } from "@/lib/integrations/gst/ewaybill/ewaybill-client";
import { vehicleNoProblem, normaliseVehicleNo } from "@/lib/integrations/gst/ewaybill/validate-ewaybill-json";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { parseInput } from "@/lib/validation";
import { getEwayBillOrThrow, type EwayBillView } from "./ewaybill-views";
import { cancelEwayBillInput, extendValidityInput, tripPartBInput, updatePartBInput, updateTransporterInput } from "./ewaybills.schemas";

const HOUR = 3600_000;
type Action = "VEHICLE" | "TRANSPORTER" | "EXTEND" | "CANCEL";

export async function updatePartB(ctx: Ctx, id: string, input: unknown): Promise<EwayBillView> {
  assertCan(ctx.actor, "logistics.write");
  const d = parseInput(updatePartBInput, input);
  if (d.vehicleNo) {
    const p = vehicleNoProblem(d.vehicleNo);
    if (p) throw new AppError("validation", p, { fieldErrors: { vehicleNo: [p] } });
  }
  await ctx.db.$transaction(async (tx) => {
    const bill = await liveBillForUpdate(ctx, tx, id, "VEHICLE");
    const req: EwbVehicleUpdate = {
      ewbNo: bill.ewbNo!,
      ...(d.vehicleNo ? { vehicleNo: normaliseVehicleNo(d.vehicleNo) } : {}),
      fromPlace: d.fromPlace ?? bill.fromPlace,
      fromState: Number(d.fromStateCode ?? bill.fromStateCode),
      reasonCode: d.reasonCode,
      reasonRem: d.reasonRem,
      ...(d.transDocNo ? { transDocNo: d.transDocNo } : {}),
      ...(d.transDocDate ? { transDocDate: ddmmyyyy(d.transDocDate) } : {}),
      transMode: String(d.transMode ?? 1) as EwbVehicleUpdate["transMode"],
    };
    await queue(ctx, tx, bill, "VEHICLE", req);
  });
  return getEwayBillOrThrow(ctx, id);
}

export async function updateTransporter(ctx: Ctx, id: string, input: unknown): Promise<EwayBillView> {
  assertCan(ctx.actor, "logistics.write");
  const d = parseInput(updateTransporterInput, input);
  await ctx.db.$transaction(async (tx) => {
    const bill = await liveBillForUpdate(ctx, tx, id, "TRANSPORTER");
    await queue(ctx, tx, bill, "TRANSPORTER", { ewbNo: bill.ewbNo!, transporterId: d.transporterId!, transporterName: d.transporterName ?? null });
  });
  return getEwayBillOrThrow(ctx, id);
}

export async function extendValidity(ctx: Ctx, id: string, input: unknown): Promise<EwayBillView> {
  assertCan(ctx.actor, "logistics.write");
  const d = parseInput(extendValidityInput, input);
  await ctx.db.$transaction(async (tx) => {
    const bill = await liveBillForUpdate(ctx, tx, id, "EXTEND");
    if (!bill.validUntil) throw new AppError("invalid_transition", `E-way bill ${bill.ewbNo} has no Part B yet; its validity has not started`);
    const lag = ctx.now().getTime() - bill.validUntil.getTime();
    if (lag < -8 * HOUR || lag > 8 * HOUR) throw new AppError("invalid_transition", `E-way bill ${bill.ewbNo} can be extended only from 8 hours before to 8 hours after it expires (${bill.validUntil.toISOString()})`);
    if (d.remainingDistance > bill.distanceKm) throw new AppError("validation", `The remaining distance cannot be more than the bill's ${bill.distanceKm} km`, { fieldErrors: { remainingDistance: [`At most ${bill.distanceKm} km`] } });
    const vehicleNo = d.vehicleNo ? normaliseVehicleNo(d.vehicleNo) : (bill.vehicleNo ?? undefined);
    if (d.consignmentStatus === "M" && !vehicleNo) throw new AppError("validation", "A consignment in movement needs the vehicle number", { fieldErrors: { vehicleNo: ["Required while in movement"] } });
    const req: EwbExtend = {
      ewbNo: bill.ewbNo!,
      ...(d.consignmentStatus === "M" && vehicleNo ? { vehicleNo } : {}),
      fromPlace: d.fromPlace ?? bill.fromPlace,
      fromState: Number(d.fromStateCode ?? bill.fromStateCode),
      fromPincode: Number(d.fromPincode ?? bill.fromPincode),
      remainingDistance: d.remainingDistance,
      ...(bill.transDocNo ? { transDocNo: bill.transDocNo } : {}),
      ...(bill.transDocDate ? { transDocDate: ddmmyyyy(bill.transDocDate.toISOString().slice(0, 10)) } : {}),
      transMode: d.consignmentStatus === "T" ? "5" : (String(bill.transMode ?? 1) as EwbExtend["transMode"]),
      extnRsnCode: d.reasonCode,
      extnRemarks: d.remarks,
      consignmentStatus: d.consignmentStatus,
      ...(d.consignmentStatus === "T" ? { transitType: d.transitType, addressLine1: d.addressLine1 ?? undefined, addressLine2: d.addressLine2 ?? undefined, addressLine3: d.addressLine3 ?? undefined } : {}),
    };
    await queue(ctx, tx, bill, "EXTEND", req);
  });
  return getEwayBillOrThrow(ctx, id);
}

export async function cancelEwayBill(ctx: Ctx, id: string, input: unknown): Promise<EwayBillView> {
  assertCan(ctx.actor, "logistics.write");
  const d = parseInput(cancelEwayBillInput, input);
  await ctx.db.$transaction(async (tx) => {
    const bill = await liveBillForUpdate(ctx, tx, id, "CANCEL");
    if (ctx.now().getTime() - bill.ewbDate!.getTime() > 24 * HOUR) throw new AppError("invalid_transition", `E-way bill ${bill.ewbNo} can be cancelled only within 24 hours of its generation; it was generated ${bill.ewbDate!.toISOString()}`);
    await queue(ctx, tx, bill, "CANCEL", { ewbNo: bill.ewbNo!, cancelRsnCode: d.reasonCode, cancelRmrk: d.remark });
  });
  return getEwayBillOrThrow(ctx, id);
}

/**
 * Part B of every live e-way bill on a trip's shipments, from the trip: its vehicle, the trip number as LR and the
 * trip date, from the depot. First time (4) for bills without a vehicle; otherwise the reason given (default 3).
 * Bills already on this vehicle, and expired or cancelled ones, are left alone.
 */
export async function updatePartBForTrip(ctx: Ctx, tripId: string, input: unknown = {}): Promise<TripPartBResult> {
  assertCan(ctx.actor, "logistics.write");
  const d = parseInput(tripPartBInput, input);
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction((tx) => updatePartBForTripInTx(ctx, tx, companyId, tripId, d));
}

export type TripPartBResult = { queued: string[]; skipped: { ewbNo: string | null; why: string }[] };

/** Inside the caller's transaction (a trip that starts queues its bills' Part B with its dispatch). */
export async function updatePartBForTripInTx(ctx: Ctx, tx: Tx, companyId: string, tripId: string, d: z.output<typeof tripPartBInput> = {}): Promise<TripPartBResult> {
  {
    const trip = await tx.deliveryTrip.findFirst({ where: { id: tripId, companyId }, include: { vehicle: true, depot: true, stops: { select: { shipments: { select: { shipmentId: true } } } } } });
    if (!trip) throw notFound("Delivery trip");
    if (!trip.vehicle) throw new AppError("validation", `Trip ${trip.number} has no vehicle yet`, { fieldErrors: { vehicleId: ["Assign a vehicle first"] } });
    const shipmentIds = [...new Set([...trip.stops.flatMap((s) => s.shipments.map((x) => x.shipmentId)), ...(await tx.shipment.findMany({ where: { companyId, currentTripId: trip.id }, select: { id: true } })).map((s) => s.id)])];
    const bills = await tx.ewayBill.findMany({ where: { companyId, shipmentId: { in: shipmentIds }, status: "GENERATED" }, orderBy: { createdAt: "asc" } });
    const queued: string[] = [];
    const skipped: { ewbNo: string | null; why: string }[] = [];
    const trDate = ddmmyyyy(trip.tripDate.toISOString().slice(0, 10));
    for (const b of bills) {
      if (b.vehicleNo === trip.vehicle.registrationNo) {
        skipped.push({ ewbNo: b.ewbNo, why: "Already on this vehicle" });
        continue;
      }
      try {
        const bill = await liveBillForUpdate(ctx, tx, b.id, "VEHICLE");
        const first = !bill.vehicleNo;
        const req: EwbVehicleUpdate = {
          ewbNo: bill.ewbNo!,
          vehicleNo: trip.vehicle.registrationNo,
          fromPlace: (trip.depot.city ?? bill.fromPlace).slice(0, 50),
          fromState: Number(trip.depot.stateCode),
          reasonCode: first ? 4 : (d.reasonCode ?? 3),
          reasonRem: d.reasonRem ?? (first ? `Trip ${trip.number}` : `Vehicle changed: trip ${trip.number}`).slice(0, 50),
          transDocNo: trip.number.slice(0, 15),
          transDocDate: trDate,
          transMode: "1",
          vehicleType: bill.odc ? "O" : "R",
        };
        await queue(ctx, tx, bill, "VEHICLE", req);
        queued.push(bill.id);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        skipped.push({ ewbNo: b.ewbNo, why: e.message });
      }
    }
    return { queued, skipped };
  }
}

/** The bill, locked, GENERATED (EXTEND also takes an EXPIRED one), not expired for Part B/transporter, no operation pending. */
async function liveBillForUpdate(ctx: Ctx, tx: Tx, id: string, action: Action): Promise<EwayBill> {
  const companyId = (ctx.actor as { companyId: string }).companyId;
  if (typeof id !== "string" || !id || id.length > 64) throw notFound("E-way bill");
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "EwayBill" WHERE id = ${id} AND "companyId" = ${companyId} FOR UPDATE`;
  if (!row) throw notFound("E-way bill");
  const bill = await tx.ewayBill.findUniqueOrThrow({ where: { id } });
  const label = bill.ewbNo ? `E-way bill ${bill.ewbNo}` : `The e-way bill of ${bill.docNo}`;
  const okStatus = bill.status === "GENERATED" || (action === "EXTEND" && bill.status === "EXPIRED");
  if (!okStatus) throw new AppError("invalid_transition", `${label} is ${bill.status.toLowerCase()}; it cannot be ${action === "CANCEL" ? "cancelled" : "updated"}`);
  if ((action === "VEHICLE" || action === "TRANSPORTER") && bill.validUntil && bill.validUntil < ctx.now()) throw new AppError("invalid_transition", `${label} expired at ${bill.validUntil.toISOString()}; extend its validity before changing Part B or the transporter`);
  const pending = await tx.ewayBillOperation.findFirst({ where: { ewayBillId: id, status: "PENDING" }, select: { action: true } });
  if (pending) throw new AppError("conflict", `${label} has a ${pending.action.toLowerCase()} request waiting for the e-way bill system; try again in a moment`);
  return bill;
}

async function queue(ctx: Ctx, tx: Tx, bill: EwayBill, action: Action, payload: object) {
  const op = await tx.ewayBillOperation.create({ data: { ewayBillId: bill.id, companyId: bill.companyId, action, payload: payload as Prisma.InputJsonValue, requestedById: ctx.actor.userId } });
  await enqueueJob(tx, "ewaybill-operation", { operationId: op.id });
  await recordAudit(ctx, tx, { action: `eway_bill.${action.toLowerCase()}_requested`, entityType: "EwayBill", entityId: bill.id, after: payload });
}

const ddmmyyyy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
