import "server-only";
// Accepting an invitation: a new person gets a retailer account and business; an existing retailer
// user links their business. Either way the connection becomes active with the invited terms.
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Ctx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { makeCtx } from "@/lib/ctx";
import { placeOfSupplyFor } from "@/lib/network/guards";
import { verifiedTokenHash } from "@/lib/network/invitation-token";
import { acceptInvitationInput } from "@/lib/network/network.schemas";
import { invitationState, toConnectionView } from "@/lib/network/views";
import { parseInput } from "@/lib/validation";

const invalidLink = () => new AppError("not_found", "This invitation link is not valid. Ask the vendor to send it again.");

/** What the accept page shows before anyone signs in. */
export async function getInvitationByToken(db: PrismaClient, token: string, now = new Date()) {
  const hash = verifiedTokenHash(token);
  if (!hash) throw invalidLink();
  const inv = await db.invitation.findUnique({ where: { tokenHash: hash }, include: { company: { select: { legalName: true, tradeName: true, city: true, stateCode: true } } } });
  if (!inv) throw invalidLink();
  const user = await db.user.findUnique({ where: { email: inv.email }, select: { kind: true } });
  return {
    vendorName: inv.company.tradeName ?? inv.company.legalName,
    vendorCity: inv.company.city,
    email: inv.email,
    businessName: inv.businessName,
    contactName: inv.contactName,
    phone: inv.phone,
    state: invitationState(inv, now),
    expiresAt: inv.expiresAt.toISOString(),
    /** "new" signs up; "retailer" confirms with their password; "staff" cannot accept with this email. */
    account: !user ? ("new" as const) : user.kind === "RETAILER" ? ("retailer" as const) : ("staff" as const),
  };
}

export async function acceptInvitation(db: PrismaClient, input: unknown, meta: { now?: Date; requestId?: string } = {}) {
  const data = parseInput(acceptInvitationInput, input);
  const now = meta.now ?? new Date();
  const hash = verifiedTokenHash(data.token);
  if (!hash) throw invalidLink();
  const passwordHash = "business" in data ? await hashPassword(data.password) : null;
  return db.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({ where: { tokenHash: hash } });
    if (!inv) throw invalidLink();
    const state = invitationState(inv, now);
    if (state !== "pending") {
      const why = { accepted: "was already accepted", revoked: "was withdrawn by the vendor", expired: "has expired; ask the vendor to resend it" }[state];
      throw new AppError("invalid_transition", `This invitation ${why}`, { details: { state } });
    }
    // Claim the invitation first: of two simultaneous accepts exactly one passes.
    const claimed = await tx.invitation.updateMany({ where: { id: inv.id, status: "PENDING" }, data: { status: "ACCEPTED", acceptedAt: now } });
    if (claimed.count === 0) throw new AppError("invalid_transition", "This invitation was already accepted", { details: { state: "accepted" } });

    let user = await tx.user.findUnique({ where: { email: inv.email }, include: { retailerMemberships: { where: { active: true }, include: { retailer: true } } } });
    let retailer;
    if (user && user.kind !== "RETAILER") throw new AppError("conflict", "This email belongs to vendor staff. Ask the vendor to invite another email.");
    if (user) {
      if ("business" in data) throw new AppError("conflict", "You already have an account. Sign in with your password to accept.", { fieldErrors: { password: ["Use your existing password"] } });
      if (!(await verifyPassword(data.password, user.passwordHash))) throw new AppError("invalid_credentials", "Password is incorrect", { fieldErrors: { password: ["Password is incorrect"] } });
      retailer = user.retailerMemberships[0]?.retailer;
      if (!retailer) throw new AppError("conflict", "Your account is not linked to a retailer business");
    } else {
      if (!("business" in data)) throw new AppError("validation", "Tell us about you and your business to accept", { fieldErrors: { name: ["Your name is required"] } });
      if (data.business.gstin) {
        const existing = await tx.retailer.findUnique({ where: { gstin: data.business.gstin } });
        if (existing) throw new AppError("conflict", "A business with this GSTIN is already on Vendor ERP. Ask its owner to add you, or accept with their account.", { fieldErrors: { "business.gstin": ["Already registered"] } });
      }
      retailer = await tx.retailer.create({ data: { ...data.business, email: data.business.email ?? inv.email, phone: data.business.phone ?? data.phone ?? inv.phone } });
      user = Object.assign(await tx.user.create({ data: { email: inv.email, name: data.name, phone: data.phone ?? inv.phone, kind: "RETAILER", passwordHash, passwordChangedAt: now } }), { retailerMemberships: [] });
      await tx.retailerMembership.create({ data: { retailerId: retailer.id, userId: user.id, role: "OWNER" } });
    }
    await tx.invitation.update({ where: { id: inv.id }, data: { acceptedByUserId: user.id, retailerId: retailer.id } });

    const existing = await tx.connection.findUnique({ where: { companyId_retailerId: { companyId: inv.companyId, retailerId: retailer.id } } });
    if (existing?.status === "ACTIVE") throw new AppError("conflict", "You are already connected to this vendor");
    if (existing?.status === "SUSPENDED") throw new AppError("conflict", "The vendor has suspended your account; contact them");
    const codeTaken = inv.customerCode ? await tx.connection.findFirst({ where: { companyId: inv.companyId, customerCode: inv.customerCode, retailerId: { not: retailer.id } } }) : null;
    const terms = {
      status: "ACTIVE" as const,
      customerCode: codeTaken ? existing?.customerCode ?? null : (inv.customerCode ?? existing?.customerCode ?? null),
      creditLimit: inv.creditLimit ?? existing?.creditLimit ?? 0,
      paymentTermsDays: inv.paymentTermsDays ?? existing?.paymentTermsDays ?? 0,
      placeOfSupply: existing?.placeOfSupply ?? placeOfSupplyFor({}, retailer.stateCode),
      activatedAt: now,
      endedAt: null,
      suspendedAt: null,
    };
    const connection = existing
      ? await tx.connection.update({ where: { id: existing.id, companyId: inv.companyId }, data: terms })
      : await tx.connection.create({ data: { ...terms, companyId: inv.companyId, retailerId: retailer.id } });
    // An open join request from this retailer is answered by the invitation.
    await tx.joinRequest.updateMany({ where: { companyId: inv.companyId, retailerId: retailer.id, status: "PENDING" }, data: { status: "APPROVED", decidedAt: now } });
    const actor: Actor = { kind: "retailer", userId: user.id, email: user.email, name: user.name, retailerId: retailer.id };
    const ctx: Ctx = makeCtx(actor, { db, requestId: meta.requestId });
    await recordAudit(ctx, tx, { action: "invitation.accept", entityType: "Invitation", entityId: inv.id, companyId: inv.companyId, after: { retailerId: retailer.id } });
    await recordAudit(ctx, tx, { action: "connection.activate", entityType: "Connection", entityId: connection.id, companyId: inv.companyId, before: existing ? { status: existing.status } : null, after: { status: "ACTIVE", via: "invitation" } });
    return { connection: toConnectionView(connection), retailerId: retailer.id, userId: user.id, email: user.email };
  });
}
