import "server-only";
// Vendor → retailer invitations: create, resend (new link, new 7 days), revoke, list.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { invitationEmail } from "@/lib/integrations/messaging/network-templates";
import { queueEmail } from "@/lib/integrations/messaging/send-email";
import { newInvitationToken } from "@/lib/network/invitation-token";
import { createInvitationInput, listInboxInput } from "@/lib/network/network.schemas";
import { toInvitationView } from "@/lib/network/views";
import { parseInput } from "@/lib/validation";

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
export const MAX_INVITATION_SENDS = 5;

export async function createInvitation(ctx: Ctx, input: unknown) {
  assertCan(ctx.actor, "retailers.write");
  const data = parseInput(createInvitationInput, input);
  const companyId = ctx.actor.companyId;
  const now = ctx.now();
  const result = await ctx.db.$transaction(async (tx) => {
    const company = await tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { legalName: true, tradeName: true } });
    const connected = await tx.connection.findFirst({ where: { companyId, status: { in: ["ACTIVE", "SUSPENDED"] }, retailer: { members: { some: { user: { email: data.email } } } } } });
    if (connected) throw new AppError("conflict", "This retailer is already connected to you", { fieldErrors: { email: ["Already connected: find them in your retailers list"] } });
    const staff = await tx.user.findFirst({ where: { email: data.email, kind: "STAFF" } });
    if (staff) throw new AppError("conflict", "This email belongs to vendor staff", { fieldErrors: { email: ["This email belongs to vendor staff; use the retailer's own email"] } });
    const pending = await tx.invitation.findFirst({ where: { companyId, email: data.email, status: "PENDING", expiresAt: { gt: now } } });
    if (pending) throw new AppError("conflict", "An invitation to this email is still open", { fieldErrors: { email: ["Already invited: resend the open invitation instead"] }, details: { invitationId: pending.id } });
    if (data.customerCode) await assertCustomerCodeFree(tx, companyId, data.customerCode);
    const id = crypto.randomUUID();
    const { token, tokenHash } = newInvitationToken(id);
    const invitation = await tx.invitation.create({
      data: {
        id,
        companyId,
        email: data.email,
        phone: data.phone ?? null,
        businessName: data.businessName ?? null,
        contactName: data.contactName ?? null,
        customerCode: data.customerCode ?? null,
        creditLimit: data.creditLimit ?? null,
        paymentTermsDays: data.paymentTermsDays ?? null,
        tokenHash,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        lastSentAt: now,
        invitedById: ctx.actor.userId!,
      },
    });
    await recordAudit(ctx, tx, { action: "invitation.create", entityType: "Invitation", entityId: id, after: { email: data.email, businessName: data.businessName } });
    await queueEmail(tx, invitationEmail({ to: data.email, contactName: data.contactName, vendorName: company.tradeName ?? company.legalName, token, expiresAt: invitation.expiresAt, companyId }));
    return { invitation, token };
  });
  return toInvitationView(result.invitation, now);
}

/** Sends a fresh link (the old one stops working) valid for another 7 days. */
export async function resendInvitation(ctx: Ctx, id: string) {
  assertCan(ctx.actor, "retailers.write");
  const companyId = ctx.actor.companyId;
  const now = ctx.now();
  const result = await ctx.db.$transaction(async (tx) => {
    const inv = await tx.invitation.findFirst({ where: { id, companyId } });
    if (!inv) throw notFound("Invitation");
    if (inv.status !== "PENDING") throw new AppError("invalid_transition", `This invitation was ${inv.status.toLowerCase()}; it cannot be resent`, { details: { state: inv.status.toLowerCase() } });
    if (inv.sendCount >= MAX_INVITATION_SENDS) throw new AppError("rate_limited", `This invitation was already sent ${inv.sendCount} times. Revoke it and invite again if needed.`);
    const { token, tokenHash } = newInvitationToken(inv.id);
    const updated = await tx.invitation.update({ where: { id, companyId }, data: { tokenHash, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS), sendCount: { increment: 1 }, lastSentAt: now } });
    const company = await tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { legalName: true, tradeName: true } });
    await recordAudit(ctx, tx, { action: "invitation.resend", entityType: "Invitation", entityId: id, after: { sendCount: updated.sendCount } });
    await queueEmail(tx, invitationEmail({ to: inv.email, contactName: inv.contactName, vendorName: company.tradeName ?? company.legalName, token, expiresAt: updated.expiresAt, companyId }));
    return { updated };
  });
  return toInvitationView(result.updated, now);
}

export async function revokeInvitation(ctx: Ctx, id: string) {
  assertCan(ctx.actor, "retailers.write");
  const companyId = ctx.actor.companyId;
  const now = ctx.now();
  return ctx.db.$transaction(async (tx) => {
    const inv = await tx.invitation.findFirst({ where: { id, companyId } });
    if (!inv) throw notFound("Invitation");
    const done = await tx.invitation.updateMany({ where: { id, companyId, status: "PENDING" }, data: { status: "REVOKED", revokedAt: now } });
    if (done.count === 0) throw new AppError("invalid_transition", `This invitation was already ${inv.status.toLowerCase()}`, { details: { state: inv.status.toLowerCase() } });
    await recordAudit(ctx, tx, { action: "invitation.revoke", entityType: "Invitation", entityId: id, before: { status: inv.status }, after: { status: "REVOKED" } });
    return toInvitationView(await tx.invitation.findUniqueOrThrow({ where: { id } }), now);
  });
}

export async function listInvitations(ctx: Ctx, input: unknown) {
  assertCan(ctx.actor, "retailers.read");
  const q = parseInput(listInboxInput.extend({}), input);
  const now = ctx.now();
  const where: Prisma.InvitationWhereInput = { companyId: ctx.actor.companyId };
  if (q.status === "pending") Object.assign(where, { status: "PENDING", expiresAt: { gt: now } });
  else if (q.status === "expired") Object.assign(where, { status: "PENDING", expiresAt: { lte: now } });
  else if (q.status === "accepted") where.status = "ACCEPTED";
  else if (q.status === "revoked") where.status = "REVOKED";
  else if (q.status && q.status !== "all") throw new AppError("validation", "status must be pending, expired, accepted, revoked or all", { fieldErrors: { status: ["Unknown status"] } });
  const [total, rows] = await Promise.all([
    ctx.db.invitation.count({ where }),
    ctx.db.invitation.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: q.offset ?? (q.page - 1) * q.pageSize, take: q.pageSize }),
  ]);
  return { items: rows.map((r) => toInvitationView(r, now)), total, page: q.page, pageSize: q.pageSize, pageCount: Math.max(1, Math.ceil(total / q.pageSize)) };
}

export async function assertCustomerCodeFree(tx: Prisma.TransactionClient, companyId: string, code: string, exceptConnectionId?: string) {
  const taken = await tx.connection.findFirst({ where: { companyId, customerCode: code, ...(exceptConnectionId ? { id: { not: exceptConnectionId } } : {}) } });
  if (taken) throw new AppError("conflict", `Customer code ${code} is already used`, { fieldErrors: { customerCode: [`${code} is already used for another retailer`] } });
}
