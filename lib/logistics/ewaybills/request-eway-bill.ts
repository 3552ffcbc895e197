import "server-only";
// Ask for an e-way bill: build the GENEWAYBILL JSON from the invoice or challan and the shipment (dispatch-from,
// ship-to; Part B from the given vehicle, else the trip's vehicle, with the LR — own fleet: the trip number),
// validate it strictly (a problem is a 400 naming the field, nothing written), then store the bill as PENDING
// with a GENERATE operation whose job calls the e-way bill system after commit. One live bill per document.
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { composeEwayBillJson, type EwayTransport, type TransMode } from "@/lib/integrations/gst/ewaybill/ewaybill-json";
import { ewayBillNeeded } from "@/lib/integrations/gst/ewaybill/ewaybill-threshold";
import { validateEwayBillJson } from "@/lib/integrations/gst/ewaybill/validate-ewaybill-json";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { parseInput } from "@/lib/validation";
import { loadEwayBillSettings } from "./ewaybill-settings";
import { loadEwaySource, loadShipmentForEway, shipmentDocuments, type ShipmentForEway } from "./ewaybill-source";
import { getEwayBillOrThrow, type EwayBillView } from "./ewaybill-views";
import { generateEwayBillInput, shipmentEwayBillsInput } from "./ewaybills.schemas";

type GenerateInput = ReturnType<typeof generateEwayBillInput.parse>;

export async function requestEwayBill(ctx: Ctx, input: unknown): Promise<EwayBillView> {
  assertCan(ctx.actor, "logistics.write");
  const data = parseInput(generateEwayBillInput, input);
  const companyId = ctx.actor.companyId;
  const id = await ctx.db.$transaction(async (tx) => {
    const shipment = data.shipmentId ? await loadShipmentForEway(tx, companyId, data.shipmentId) : null;
    let target = { invoiceId: data.invoiceId, challanId: data.challanId };
    if (!target.invoiceId && !target.challanId && shipment) {
      const docs = await shipmentDocuments(tx, companyId, shipment);
      const all = [...docs.invoices.map((d) => ({ invoiceId: d.id, challanId: undefined })), ...docs.challans.map((d) => ({ invoiceId: undefined, challanId: d.id }))];
      if (all.length === 0) throw new AppError("validation", `Shipment ${shipment.number} has no issued invoice or challan to carry an e-way bill`, { fieldErrors: { shipmentId: ["No invoice or challan yet"] } });
      if (all.length > 1) throw new AppError("validation", `Shipment ${shipment.number} goes on ${all.length} documents; choose the invoice or challan`, { fieldErrors: { invoiceId: ["Choose one document"] } });
      target = all[0]!;
    }
    return queueGenerate(ctx, tx, target, shipment, data);
  });
  return getEwayBillOrThrow(ctx, id);
}

/**
 * For other areas (dispatch): e-way bills for every document of a shipment that needs one and has none live.
 * Returns what was queued and what was not needed (with the threshold reason).
 */
export async function generateEwayBillsForShipment(ctx: Ctx, shipmentId: string, input: unknown): Promise<{ queued: EwayBillView[]; notRequired: { docNo: string; why: string }[]; alreadyLive: string[] }> {
  assertCan(ctx.actor, "logistics.write");
  const data = parseInput(shipmentEwayBillsInput, input);
  const companyId = ctx.actor.companyId;
  const result = await ctx.db.$transaction(async (tx) => {
    const shipment = await loadShipmentForEway(tx, companyId, shipmentId);
    const settings = await loadEwayBillSettings(tx, companyId);
    const docs = await shipmentDocuments(tx, companyId, shipment);
    const ids: string[] = [];
    const notRequired: { docNo: string; why: string }[] = [];
    const alreadyLive: string[] = [];
    const targets = [...docs.invoices.map((d) => ({ invoiceId: d.id })), ...docs.challans.map((d) => ({ challanId: d.id }))];
    for (const t of targets) {
      const src = await loadEwaySource(tx, ctx.actor, t, shipment);
      const need = ewayBillNeeded({ value: src.value, fromState: src.fromState, toState: src.toState, jobWork: src.jobWork }, { threshold: settings.threshold, stateThresholds: settings.stateThresholds as Record<string, string> });
      if (!need.required) {
        notRequired.push({ docNo: src.docNo, why: need.why });
        continue;
      }
      const live = await tx.ewayBill.findFirst({ where: { companyId, docType: src.docType, docNo: src.docNo, status: { in: ["PENDING", "GENERATED"] } }, select: { id: true } });
      if (live) {
        alreadyLive.push(src.docNo);
        continue;
      }
      ids.push(await queueGenerate(ctx, tx, t, shipment, { distanceKm: data.distanceKm, odc: data.odc, transporterId: data.transporterId, transporterName: data.transporterName }));
    }
    return { ids, notRequired, alreadyLive };
  });
  return { queued: await Promise.all(result.ids.map((id) => getEwayBillOrThrow(ctx, id))), notRequired: result.notRequired, alreadyLive: result.alreadyLive };
}

async function queueGenerate(ctx: Ctx, tx: Tx, target: { invoiceId?: string; challanId?: string }, shipment: ShipmentForEway | null, data: Partial<GenerateInput> & { distanceKm: number }): Promise<string> {
  const actor = ctx.actor as Actor & { companyId: string };
  const companyId = actor.companyId;
  const src = await loadEwaySource(tx, actor, target, shipment);
  // One live e-way bill per document: two requests at once meet on this lock.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ewaybill:${companyId}:${src.docType}:${src.docNo}`}))`;
  const live = await tx.ewayBill.findFirst({ where: { companyId, docType: src.docType, docNo: src.docNo, status: { in: ["PENDING", "GENERATED"] } }, select: { ewbNo: true, status: true } });
  if (live) throw new AppError("conflict", `${src.docNo} already has ${live.ewbNo ? `e-way bill ${live.ewbNo}` : "an e-way bill being generated"}`);
  const settings = await loadEwayBillSettings(tx, companyId);
  const trip = shipment?.currentTrip ?? null;
  const hired = trip?.vehicle?.ownership === "HIRED";
  const transport: EwayTransport = {
    transDistance: data.distanceKm,
    transMode: (data.transMode ?? 1) as TransMode,
    vehicleNo: data.vehicleNo ?? trip?.vehicle?.registrationNo ?? null,
    vehicleType: data.odc ? "O" : "R",
    transporterId: data.transporterId ?? (hired ? trip?.vehicle?.transporterId : null) ?? null,
    transporterName: data.transporterName ?? (hired ? trip?.vehicle?.transporterName : null) ?? null,
    transDocNo: data.transDocNo ?? shipment?.lrNumber ?? trip?.number ?? null,
    transDocDate: ddmmyyyy(data.transDocDate ?? dayOf(shipment?.lrDate) ?? dayOf(trip?.tripDate)),
  };
  const json = composeEwayBillJson(src.doc, transport);
  const problems = validateEwayBillJson(json, { lenientGstinCheckDigit: settings.mode !== "NIC" });
  if (problems.length) {
    const fieldErrors: Record<string, string[]> = {};
    for (const p of problems) (fieldErrors[fieldFor(p.path)] ??= []).push(p.message);
    throw new AppError("validation", `The e-way bill cannot be generated: ${problems.map((p) => p.message).join("; ")}`, { fieldErrors });
  }
  const bill = await tx.ewayBill.create({
    data: {
      companyId, invoiceId: src.invoiceId, challanId: src.challanId, shipmentId: shipment?.id ?? null, docType: src.docType, docNo: src.docNo, docDate: src.docDate,
      distanceKm: data.distanceKm, odc: Boolean(data.odc), transMode: json.transMode ? Number(json.transMode) : null, vehicleNo: json.vehicleNo ?? null,
      transporterId: json.transporterId ?? null, transporterName: json.transporterName ?? null, transDocNo: json.transDocNo ?? null, transDocDate: json.transDocDate ? dbDate(json.transDocDate) : null,
      fromPlace: json.fromPlace ?? "", fromStateCode: String(json.actFromStateCode).padStart(2, "0"), fromPincode: String(json.fromPincode),
      totalValue: src.value, payload: json as unknown as Prisma.InputJsonValue, provider: settings.mode === "NIC" ? "nic" : "sandbox", createdById: actor.userId,
    },
  });
  const op = await tx.ewayBillOperation.create({ data: { ewayBillId: bill.id, companyId, action: "GENERATE", payload: json as unknown as Prisma.InputJsonValue, requestedById: actor.userId } });
  await enqueueJob(tx, "ewaybill-operation", { operationId: op.id });
  await recordAudit(ctx, tx, { action: "eway_bill.request", entityType: "EwayBill", entityId: bill.id, after: { docType: src.docType, docNo: src.docNo, shipmentId: shipment?.id ?? null, distanceKm: data.distanceKm, vehicleNo: json.vehicleNo ?? null, provider: bill.provider } });
  return bill.id;
}

/** NIC field → the input field a person can change (vehicle, distance, transporter), else the JSON path. */
function fieldFor(path: string): string {
  const map: Record<string, string> = { transDistance: "distanceKm", vehicleNo: "vehicleNo", transporterId: "transporterId", transDocNo: "transDocNo", transDocDate: "transDocDate", transMode: "transMode" };
  return map[path] ?? `json.${path}`;
}
const dayOf = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : undefined);
const ddmmyyyy = (day: string | undefined) => (day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : null);
const dbDate = (ddmmyyyyText: string) => new Date(`${ddmmyyyyText.slice(6, 10)}-${ddmmyyyyText.slice(3, 5)}-${ddmmyyyyText.slice(0, 2)}T00:00:00Z`);
