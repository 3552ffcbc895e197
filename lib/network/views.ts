import type { Connection, Invitation, JoinRequest, Retailer } from "@/lib/generated/prisma/client";
import { stateName } from "@/lib/integrations/gst/states";

export type RetailerSummary = { id: string; legalName: string; tradeName: string | null; gstin: string | null; stateCode: string; stateName: string | null; city: string; pincode: string; addressLine1: string; addressLine2: string | null; email: string | null; phone: string | null };

export function toRetailerSummary(r: Retailer): RetailerSummary {
  return { id: r.id, legalName: r.legalName, tradeName: r.tradeName, gstin: r.gstin, stateCode: r.stateCode, stateName: stateName(r.stateCode) ?? null, city: r.city, pincode: r.pincode, addressLine1: r.addressLine1, addressLine2: r.addressLine2, email: r.email, phone: r.phone };
}

export type ConnectionView = ReturnType<typeof toConnectionView>;

export function toConnectionView(c: Connection & { retailer?: Retailer }) {
  return {
    id: c.id,
    companyId: c.companyId,
    retailerId: c.retailerId,
    status: c.status,
    customerCode: c.customerCode,
    creditLimit: c.creditLimit.toFixed(2),
    paymentTermsDays: c.paymentTermsDays,
    priceListId: c.priceListId,
    shippingAddress: c.shippingLine1
      ? { line1: c.shippingLine1, line2: c.shippingLine2, city: c.shippingCity, stateCode: c.shippingStateCode, pincode: c.shippingPincode }
      : null,
    placeOfSupply: c.placeOfSupply,
    placeOfSupplyName: stateName(c.placeOfSupply) ?? null,
    notes: c.notes,
    activatedAt: c.activatedAt?.toISOString() ?? null,
    suspendedAt: c.suspendedAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    ...(c.retailer ? { retailer: toRetailerSummary(c.retailer) } : {}),
  };
}

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

export function invitationState(i: Pick<Invitation, "status" | "expiresAt">, now: Date): InvitationState {
  if (i.status === "ACCEPTED") return "accepted";
  if (i.status === "REVOKED") return "revoked";
  return i.expiresAt <= now ? "expired" : "pending";
}

export function toInvitationView(i: Invitation, now: Date) {
  return {
    id: i.id,
    email: i.email,
    phone: i.phone,
    businessName: i.businessName,
    contactName: i.contactName,
    state: invitationState(i, now),
    customerCode: i.customerCode,
    creditLimit: i.creditLimit?.toFixed(2) ?? null,
    paymentTermsDays: i.paymentTermsDays,
    expiresAt: i.expiresAt.toISOString(),
    sendCount: i.sendCount,
    lastSentAt: i.lastSentAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
    retailerId: i.retailerId,
    revokedAt: i.revokedAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
  };
}

export function toJoinRequestView(j: JoinRequest & { retailer?: Retailer; company?: { id: string; legalName: string; tradeName: string | null; code: string } }) {
  return {
    id: j.id,
    companyId: j.companyId,
    retailerId: j.retailerId,
    status: j.status,
    message: j.message,
    rejectionReason: j.rejectionReason,
    decidedAt: j.decidedAt?.toISOString() ?? null,
    createdAt: j.createdAt.toISOString(),
    ...(j.retailer ? { retailer: toRetailerSummary(j.retailer) } : {}),
    ...(j.company ? { vendor: { id: j.company.id, name: j.company.tradeName ?? j.company.legalName, code: j.company.code } } : {}),
  };
}
