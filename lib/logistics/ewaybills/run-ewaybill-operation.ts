import "server-only";
// The "ewaybill-operation" job: sends one queued operation (GENERATE, VEHICLE, TRANSPORTER, EXTEND, CANCEL) to the
// company's e-way bill system and stores what comes back. Idempotent: only PENDING operations run, and the result
// is applied with a conditional update. An outage is retried (the job throws) until the last attempt; a refusal
// fails the operation with the system's reason (a failed GENERATE leaves the bill FAILED, so a new one may be asked).
import { recordAudit } from "@/lib/audit/record-audit";
import { makeCtx, type Ctx } from "@/lib/ctx";
import { prisma, type PrismaClient } from "@/lib/db/client";
import type { EwayBill, EwayBillOperation, Prisma } from "@/lib/generated/prisma/client";
import { EwbError, parseEwbDateTime, type EwayBillClient, type EwbExtend, type EwbVehicleUpdate } from "@/lib/integrations/gst/ewaybill/ewaybill-client";
import type { EwayBillJson } from "@/lib/integrations/gst/ewaybill/ewaybill-json";
import type { JobInfo } from "@/lib/jobs/queues";
import { ewayBillClientFor, type EwayClientDeps } from "./ewaybill-client-for";

export type EwayJobDeps = EwayClientDeps & { db?: PrismaClient };
export type OperationResult = "done" | "failed" | "skipped";

export async function runEwayBillOperation(operationId: string, job: Pick<JobInfo, "finalAttempt">, deps: EwayJobDeps = {}): Promise<OperationResult> {
  const db = deps.db ?? prisma;
  const op = await db.ewayBillOperation.findUnique({ where: { id: operationId }, include: { ewayBill: true } });
  if (!op || op.status !== "PENDING") return "skipped";
  const ctx = makeCtx({ kind: "system", userId: null, name: "E-way bill job", companyId: op.companyId }, { db, now: deps.now });
  let client: EwayBillClient;
  try {
    client = await ewayBillClientFor(db, op.companyId, deps);
  } catch (e) {
    if (e instanceof EwbError) return fail(ctx, op, e.message);
    throw e;
  }
  try {
    await apply(ctx, op, op.ewayBill, client);
    return "done";
  } catch (e) {
    if (!(e instanceof EwbError)) throw e;
    if (e.retryable && !job.finalAttempt) throw e;
    await fail(ctx, op, e.message);
    if (e.retryable) throw e;
    return "failed";
  }
}

async function apply(ctx: Ctx, op: EwayBillOperation, bill: EwayBill, client: EwayBillClient) {
  const p = op.payload as Record<string, unknown>;
  const at = ctx.now();
  let data: Prisma.EwayBillUpdateManyMutationInput = {};
  let vehicle: Omit<Prisma.EwayBillVehicleCreateManyInput, "ewayBillId" | "companyId"> | null = null;
  let invoice: Prisma.InvoiceUpdateManyMutationInput | null = null;
  switch (op.action) {
    case "GENERATE": {
      const json = p as unknown as EwayBillJson;
      const r = await client.generate(json);
      const ewbDate = parseEwbDateTime(r.ewayBillDate);
      const validUntil = r.validUpto ? parseEwbDateTime(r.validUpto) : null;
      data = { status: "GENERATED", ewbNo: r.ewayBillNo, ewbDate, validUntil, lastError: null };
      if (json.vehicleNo || json.transDocNo) vehicle = { vehicleNo: json.vehicleNo ?? null, transMode: Number(json.transMode ?? 1), transDocNo: json.transDocNo ?? null, transDocDate: json.transDocDate ? dbDate(json.transDocDate) : null, fromPlace: json.fromPlace ?? bill.fromPlace, fromStateCode: bill.fromStateCode, reasonCode: null, reasonRem: null, validUntil, enteredAt: ewbDate };
      invoice = { ewayBillNo: r.ewayBillNo, ewayBillDate: ewbDate, ewayBillValidUntil: validUntil };
      break;
    }
    case "VEHICLE": {
      const req = p as unknown as EwbVehicleUpdate;
      const r = await client.updatePartB(req);
      const validUntil = r.validUpto ? parseEwbDateTime(r.validUpto) : bill.validUntil;
      data = { vehicleNo: req.vehicleNo ?? null, transMode: Number(req.transMode), transDocNo: req.transDocNo ?? bill.transDocNo, transDocDate: req.transDocDate ? dbDate(req.transDocDate) : bill.transDocDate, fromPlace: req.fromPlace, fromStateCode: String(req.fromState).padStart(2, "0"), validUntil, lastError: null };
      vehicle = { vehicleNo: req.vehicleNo ?? null, transMode: Number(req.transMode), transDocNo: req.transDocNo ?? null, transDocDate: req.transDocDate ? dbDate(req.transDocDate) : null, fromPlace: req.fromPlace, fromStateCode: String(req.fromState).padStart(2, "0"), reasonCode: req.reasonCode, reasonRem: req.reasonRem, validUntil, enteredAt: parseEwbDateTime(r.vehUpdDate) };
      invoice = { ewayBillValidUntil: validUntil };
      break;
    }
    case "TRANSPORTER": {
      const r = await client.updateTransporter({ ewbNo: String(p.ewbNo), transporterId: String(p.transporterId) });
      data = { transporterId: r.transporterId, transporterName: (p.transporterName as string | null) ?? null, lastError: null };
      break;
    }
    case "EXTEND": {
      const req = p as unknown as EwbExtend;
      const r = await client.extendValidity(req);
      const validUntil = parseEwbDateTime(r.validUpto);
      data = { status: "GENERATED", validUntil, extendedTimes: { increment: 1 }, fromPlace: req.fromPlace, fromStateCode: String(req.fromState).padStart(2, "0"), fromPincode: String(req.fromPincode), ...(req.vehicleNo ? { vehicleNo: req.vehicleNo } : {}), lastError: null };
      invoice = { ewayBillNo: bill.ewbNo, ewayBillDate: bill.ewbDate, ewayBillValidUntil: validUntil };
      break;
    }
    case "CANCEL": {
      const r = await client.cancel({ ewbNo: String(p.ewbNo), cancelRsnCode: p.cancelRsnCode as 1 | 2 | 3 | 4, cancelRmrk: String(p.cancelRmrk) });
      data = { status: "CANCELLED", cancelledAt: parseEwbDateTime(r.cancelDate), cancelReason: `${String(p.cancelRsnCode)}: ${String(p.cancelRmrk)}`, lastError: null };
      invoice = { ewayBillNo: null, ewayBillDate: null, ewayBillValidUntil: null };
      break;
    }
  }
  await ctx.db.$transaction(async (tx) => {
    const n = await tx.ewayBillOperation.updateMany({ where: { id: op.id, status: "PENDING" }, data: { status: "DONE", doneAt: at, error: null } });
    if (n.count !== 1) return;
    await tx.ewayBill.updateMany({ where: { id: bill.id, companyId: bill.companyId }, data });
    if (vehicle) await tx.ewayBillVehicle.create({ data: { ...vehicle, ewayBillId: bill.id, companyId: bill.companyId, createdById: op.requestedById } });
    // The invoice remembers its live e-way bill (the invoice's cancel rule reads it).
    if (invoice && bill.invoiceId) {
      const own = op.action === "GENERATE" || op.action === "EXTEND" ? {} : { ewayBillNo: bill.ewbNo };
      await tx.invoice.updateMany({ where: { id: bill.invoiceId, companyId: bill.companyId, ...own }, data: invoice });
    }
    await recordAudit(ctx, tx, { action: `eway_bill.${op.action.toLowerCase()}`, entityType: "EwayBill", entityId: bill.id, companyId: bill.companyId, after: { ...jsonSafe(data), provider: client.kind } });
  });
}

async function fail(ctx: Ctx, op: EwayBillOperation & { ewayBill: EwayBill }, reason: string): Promise<OperationResult> {
  await ctx.db.$transaction(async (tx) => {
    const n = await tx.ewayBillOperation.updateMany({ where: { id: op.id, status: "PENDING" }, data: { status: "FAILED", doneAt: ctx.now(), error: reason.slice(0, 2000) } });
    if (n.count !== 1) return;
    await tx.ewayBill.updateMany({ where: { id: op.ewayBillId, companyId: op.companyId }, data: { lastError: reason.slice(0, 2000), ...(op.action === "GENERATE" ? { status: "FAILED" as const } : {}) } });
    await recordAudit(ctx, tx, { action: `eway_bill.${op.action.toLowerCase()}_failed`, entityType: "EwayBill", entityId: op.ewayBillId, companyId: op.companyId, after: { reason } });
  });
  return "failed";
}

const dbDate = (t: string) => new Date(`${t.slice(6, 10)}-${t.slice(3, 5)}-${t.slice(0, 2)}T00:00:00Z`);
function jsonSafe(o: object) {
  return JSON.parse(JSON.stringify(o, (_k, v) => (typeof v === "object" && v && "increment" in v ? `+${v.increment}` : v))) as object;
}
