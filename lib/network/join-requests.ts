import "server-only";
// Retailer → vendor join requests: find a vendor, request, cancel; vendor approves with terms or rejects with a reason.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isValidGstin } from "@/lib/integrations/gst/gstin";
import { stateName } from "@/lib/integrations/gst/states";
import { joinApprovedEmail, joinRejectedEmail, joinRequestReceivedEmail } from "@/lib/integrations/messaging/network-templates";
import { queueEmail } from "@/lib/integrations/messaging/send-email";
import { assertRetailer, placeOfSupplyFor } from "@/lib/network/guards";
import { assertCustomerCodeFree } from "@/lib/network/invitations";
import { approveJoinRequestInput, findVendorInput, joinRequestInput, listInboxInput, rejectJoinRequestInput } from "@/lib/network/network.schemas";
import { toConnectionView, toJoinRequestView } from "@/lib/network/views";
import { parseInput } from "@/lib/validation";

const vendorWhere = (query: string): Prisma.CompanyWhereInput => (isValidGstin(query) ? { gstin: query } : { code: query });

/** Public facts a retailer sees when looking a vendor up by its code or GSTIN. */
export async function findVendor(ctx: Ctx, input: unknown) {
  assertRetailer(ctx.actor);
  const { query } = parseInput(findVendorInput, input);
  const c = await ctx.db.company.findFirst({ where: vendorWhere(query), select: { id: true, code: true, legalName: true, tradeName: true, city: true, stateCode: true, gstin: true } });
  if (!c) throw new AppError("not_found", "No vendor has that code or GSTIN. Check it with the vendor.", { fieldErrors: { vendorCode: ["No vendor found with this code or GSTIN"] } });
  const connection = await ctx.db.connection.findUnique({ where: { companyId_retailerId: { companyId: c.id, retailerId: ctx.actor.retailerId } }, select: { status: true } });
  return { id: c.id, code: c.code, name: c.tradeName ?? c.legalName, legalName: c.legalName, city: c.city, stateName: stateName(c.stateCode) ?? null, gstin: c.gstin, connectionStatus: connection?.status ?? null };
}

export async function requestToJoin(ctx: Ctx, input: unknown) {
  assertRetailer(ctx.actor);
  const data = parseInput(joinRequestInput, input);
  const actor = ctx.actor;
  const result = await ctx.db.$transaction(async (tx) => {
    const company = await tx.company.findFirst({ where: vendorWhere(data.vendorCode) });
    if (!company) throw new AppError("not_found", "No vendor has that code or GSTIN", { fieldErrors: { vendorCode: ["No vendor found with this code or GSTIN"] } });
    // Serialise requests of one retailer so two clicks cannot open two requests.
    await tx.$queryRaw`SELECT id FROM "Retailer" WHERE id = ${actor.retailerId} FOR UPDATE`;
    const retailer = await tx.retailer.findUniqueOrThrow({ where: { id: actor.retailerId } });
    const connection = await tx.connection.findUnique({ where: { companyId_retailerId: { companyId: company.id, retailerId: retailer.id } } });
    if (connection?.status === "ACTIVE") throw new AppError("conflict", "You are already connected to this vendor");
    if (connection?.status === "SUSPENDED") throw new AppError("conflict", "This vendor has suspended your account; contact them directly");
    const open = await tx.joinRequest.findFirst({ where: { companyId: company.id, retailerId: retailer.id, status: "PENDING" } });
    if (open) throw new AppError("conflict", "You already have a request waiting with this vendor");
    const request = await tx.joinRequest.create({ data: { companyId: company.id, retailerId: retailer.id, requestedById: actor.userId, message: data.message ?? null } });
    await recordAudit(ctx, tx, { action: "join_request.create", entityType: "JoinRequest", entityId: request.id, companyId: company.id, after: { message: data.message } });
    const vendorName = company.tradeName ?? company.legalName;
    if (company.email) await queueEmail(tx, joinRequestReceivedEmail({ to: company.email, vendorName, retailerName: retailer.tradeName ?? retailer.legalName, message: data.message, companyId: company.id }));
    return { request: { ...request, company } };
  });
  return toJoinRequestView(result.request);
}

export async function cancelJoinRequest(ctx: Ctx, id: string) {
  assertRetailer(ctx.actor);
  const retailerId = ctx.actor.retailerId;
  return ctx.db.$transaction(async (tx) => {
    const req = await tx.joinRequest.findFirst({ where: { id, retailerId } });
    if (!req) throw notFound("Join request");
    const done = await tx.joinRequest.updateMany({ where: { id, retailerId, status: "PENDING" }, data: { status: "CANCELLED", decidedAt: ctx.now() } });
    if (done.count === 0) throw new AppError("invalid_transition", `This request was already ${req.status.toLowerCase()}`, { details: { state: req.status } });
    await recordAudit(ctx, tx, { action: "join_request.cancel", entityType: "JoinRequest", entityId: id, companyId: req.companyId, before: { status: req.status }, after: { status: "CANCELLED" } });
    return toJoinRequestView(await tx.joinRequest.findUniqueOrThrow({ where: { id } }));
  });
}

export async function approveJoinRequest(ctx: Ctx, id: string, input: unknown) {
  assertCan(ctx.actor, "retailers.write");
  const terms = parseInput(approveJoinRequestInput, input ?? {});
  const companyId = ctx.actor.companyId;
  const now = ctx.now();
  const result = await ctx.db.$transaction(async (tx) => {
    const req = await tx.joinRequest.findFirst({ where: { id, companyId }, include: { retailer: { include: { members: { where: { active: true }, include: { user: true } } } } } });
    if (!req) throw notFound("Join request");
    const decided = await tx.joinRequest.updateMany({ where: { id, companyId, status: "PENDING" }, data: { status: "APPROVED", decidedAt: now, decidedById: ctx.actor.userId } });
    if (decided.count === 0) throw new AppError("invalid_transition", `This request was already ${req.status.toLowerCase()}`, { details: { state: req.status } });
    const existing = await tx.connection.findUnique({ where: { companyId_retailerId: { companyId, retailerId: req.retailerId } } });
    if (terms.customerCode) await assertCustomerCodeFree(tx, companyId, terms.customerCode, existing?.id);
    const values = {
      ...terms,
      status: "ACTIVE" as const,
      creditLimit: terms.creditLimit ?? existing?.creditLimit ?? 0,
      paymentTermsDays: terms.paymentTermsDays ?? existing?.paymentTermsDays ?? 0,
      placeOfSupply: placeOfSupplyFor(terms, req.retailer.stateCode),
      activatedAt: now,
      suspendedAt: null,
      endedAt: null,
    };
    const connection = existing
      ? await tx.connection.update({ where: { id: existing.id, companyId }, data: values })
      : await tx.connection.create({ data: { ...values, companyId, retailerId: req.retailerId } });
    await recordAudit(ctx, tx, { action: "join_request.approve", entityType: "JoinRequest", entityId: id, before: { status: "PENDING" }, after: { status: "APPROVED" } });
    await recordAudit(ctx, tx, { action: "connection.activate", entityType: "Connection", entityId: connection.id, before: existing ? { status: existing.status } : null, after: { status: "ACTIVE", via: "join_request", creditLimit: values.creditLimit.toString(), paymentTermsDays: values.paymentTermsDays } });
    const company = await tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { legalName: true, tradeName: true } });
    for (const m of req.retailer.members) {
      await queueEmail(tx, joinApprovedEmail({ to: m.user.email, vendorName: company.tradeName ?? company.legalName, retailerName: req.retailer.tradeName ?? req.retailer.legalName, creditLimit: connection.creditLimit.toFixed(2), paymentTermsDays: connection.paymentTermsDays, companyId }));
    }
    return { connection };
  });
  return toConnectionView(result.connection);
}

export async function rejectJoinRequest(ctx: Ctx, id: string, input: unknown) {
  assertCan(ctx.actor, "retailers.write");
  const { reason } = parseInput(rejectJoinRequestInput, input);
  const companyId = ctx.actor.companyId;
  const result = await ctx.db.$transaction(async (tx) => {
    const req = await tx.joinRequest.findFirst({ where: { id, companyId }, include: { retailer: { include: { members: { where: { active: true }, include: { user: true } } } } } });
    if (!req) throw notFound("Join request");
    const decided = await tx.joinRequest.updateMany({ where: { id, companyId, status: "PENDING" }, data: { status: "REJECTED", rejectionReason: reason, decidedAt: ctx.now(), decidedById: ctx.actor.userId } });
    if (decided.count === 0) throw new AppError("invalid_transition", `This request was already ${req.status.toLowerCase()}`, { details: { state: req.status } });
    await recordAudit(ctx, tx, { action: "join_request.reject", entityType: "JoinRequest", entityId: id, before: { status: "PENDING" }, after: { status: "REJECTED", reason } });
    const company = await tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { legalName: true, tradeName: true } });
    for (const m of req.retailer.members) await queueEmail(tx, joinRejectedEmail({ to: m.user.email, vendorName: company.tradeName ?? company.legalName, retailerName: req.retailer.tradeName ?? req.retailer.legalName, reason, companyId }));
    return { request: await tx.joinRequest.findUniqueOrThrow({ where: { id }, include: { retailer: true } }) };
  });
  return toJoinRequestView(result.request);
}

/** The vendor's inbox of join requests (pending first). */
export async function listJoinRequests(ctx: Ctx, input: unknown) {
  assertCan(ctx.actor, "retailers.read");
  const q = parseInput(listInboxInput, input);
  const statuses = ["PENDING", "APPROVED", "REJECTED", "CANCELLED"] as const;
  const status = q.status && q.status !== "all" ? q.status.toUpperCase() : undefined;
  if (status && !statuses.includes(status as (typeof statuses)[number])) throw new AppError("validation", "status must be pending, approved, rejected, cancelled or all", { fieldErrors: { status: ["Unknown status"] } });
  const where: Prisma.JoinRequestWhereInput = { companyId: ctx.actor.companyId, ...(status ? { status: status as (typeof statuses)[number] } : {}) };
  const [total, rows] = await Promise.all([
    ctx.db.joinRequest.count({ where }),
    ctx.db.joinRequest.findMany({ where, include: { retailer: true }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: q.offset ?? (q.page - 1) * q.pageSize, take: q.pageSize }),
  ]);
  return { items: rows.map(toJoinRequestView), total, page: q.page, pageSize: q.pageSize, pageCount: Math.max(1, Math.ceil(total / q.pageSize)) };
}

/** The retailer's own requests, newest first. */
export async function listMyJoinRequests(ctx: Ctx) {
  assertRetailer(ctx.actor);
  const rows = await ctx.db.joinRequest.findMany({ where: { retailerId: ctx.actor.retailerId }, include: { company: { select: { id: true, legalName: true, tradeName: true, code: true } } }, orderBy: { createdAt: "desc" }, take: 50 });
  return rows.map(toJoinRequestView);
}
