import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { makeGstin } from "@/lib/demo/gstin-fixtures";
import { acceptInvitation, getInvitationByToken } from "@/lib/network/accept-invitation";
import { changeConnectionStatus, getRetailerDetailOrThrow, listRetailers, updateConnectionTerms } from "@/lib/network/connections";
import { createInvitation, listInvitations, resendInvitation, revokeInvitation } from "@/lib/network/invitations";
import { approveJoinRequest, cancelJoinRequest, findVendor, listJoinRequests, listMyJoinRequests, rejectJoinRequest, requestToJoin } from "@/lib/network/join-requests";
import { getMyBusiness, listMyVendors, updateMyBusiness } from "@/lib/network/my-vendors";
import { PASSWORD, createRetailerUser, createStaff, ctxFor, randomPan, tenant } from "../support/factories";

const email = (p = "shop") => `${p}-${Math.random().toString(36).slice(2, 9)}@test.example`;

async function tokenFromOutbox(to: string) {
  const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to, template: "retailer_invitation" }, orderBy: { createdAt: "desc" } });
  return decodeURIComponent(/\/invite\/([^\s"<]+)/.exec(mail.text)![1]);
}

const business = (over: Record<string, unknown> = {}) => ({
  legalName: "Patil General Stores",
  gstin: makeGstin("27", randomPan("P")),
  stateCode: "27",
  addressLine1: "Shop 7, Gangapur Road",
  city: "Nashik",
  pincode: "422013",
  ...over,
});

describe("invitations", () => {
  it("vendor invites → new retailer signs up from the mailed link → connection is active with the invited terms", async () => {
    const v = await tenant();
    const to = email();
    const inv = await createInvitation(v.ctx, { email: to, businessName: "Patil General Stores", contactName: "Sunil Patil", customerCode: "nsk-001", creditLimit: "150000", paymentTermsDays: 21 });
    expect(inv).toMatchObject({ state: "pending", customerCode: "NSK-001", creditLimit: "150000.00" });
    const token = await tokenFromOutbox(to);
    const preview = await getInvitationByToken(prisma, token);
    expect(preview).toMatchObject({ vendorName: v.company.legalName, email: to, state: "pending", account: "new" });
    const accepted = await acceptInvitation(prisma, { token, name: "Sunil Patil", password: "Kirana@2026", business: business() });
    expect(accepted.connection).toMatchObject({ status: "ACTIVE", customerCode: "NSK-001", creditLimit: "150000.00", paymentTermsDays: 21, placeOfSupply: "27" });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: to }, include: { retailerMemberships: true } });
    expect(user.kind).toBe("RETAILER");
    expect(user.retailerMemberships[0].role).toBe("OWNER");
    const retailerCtx = ctxFor({ kind: "retailer", userId: user.id, email: to, name: user.name, retailerId: accepted.retailerId });
    expect(await listMyVendors(retailerCtx)).toEqual([expect.objectContaining({ status: "ACTIVE", vendor: expect.objectContaining({ id: v.company.id }) })]);
    const list = await listRetailers(v.ctx, {});
    expect(list.items.map((c) => c.retailer?.legalName)).toEqual(["Patil General Stores"]);
    const actions = (await prisma.auditLog.findMany({ where: { companyId: v.company.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((a) => a.action);
    expect(actions).toEqual(["invitation.create", "invitation.accept", "connection.activate"]);
  });

  it("an existing retailer accepts with their password and links their business", async () => {
    const v = await tenant();
    const r = await createRetailerUser();
    await createInvitation(v.ctx, { email: r.user.email });
    const token = await tokenFromOutbox(r.user.email);
    expect((await getInvitationByToken(prisma, token)).account).toBe("retailer");
    await expect(acceptInvitation(prisma, { token, password: "wrong" })).rejects.toMatchObject({ code: "invalid_credentials" });
    expect((await prisma.invitation.findFirstOrThrow({ where: { companyId: v.company.id } })).status).toBe("PENDING");
    const ok = await acceptInvitation(prisma, { token, password: PASSWORD });
    expect(ok.retailerId).toBe(r.retailer.id);
  });

  it("accepting twice, a revoked, an expired or a tampered link fails clearly and changes nothing", async () => {
    const v = await tenant();
    const to = email();
    const inv = await createInvitation(v.ctx, { email: to });
    const token = await tokenFromOutbox(to);
    await acceptInvitation(prisma, { token, name: "A", password: "Kirana@2026", business: business() });
    await expect(acceptInvitation(prisma, { token, name: "A", password: "Kirana@2026", business: business() })).rejects.toMatchObject({ code: "invalid_transition", message: expect.stringContaining("already accepted") });
    await expect(revokeInvitation(v.ctx, inv.id)).rejects.toMatchObject({ code: "invalid_transition" });

    const to2 = email();
    const inv2 = await createInvitation(v.ctx, { email: to2 });
    const token2 = await tokenFromOutbox(to2);
    await revokeInvitation(v.ctx, inv2.id);
    await expect(acceptInvitation(prisma, { token: token2, name: "B", password: "Kirana@2026", business: business() })).rejects.toMatchObject({ code: "invalid_transition", message: expect.stringContaining("withdrawn") });
    expect(await prisma.user.count({ where: { email: to2 } })).toBe(0);

    const to3 = email();
    await createInvitation(v.ctx, { email: to3 });
    const token3 = await tokenFromOutbox(to3);
    await expect(acceptInvitation(prisma, { token: token3, name: "C", password: "Kirana@2026", business: business() }, { now: new Date(Date.now() + 8 * 86400_000) })).rejects.toMatchObject({ code: "invalid_transition", message: expect.stringContaining("expired") });
    await expect(acceptInvitation(prisma, { token: token3.slice(0, -2) + "xx", name: "C", password: "Kirana@2026", business: business() })).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.retailer.count({ where: { members: { some: { user: { email: { in: [to2, to3] } } } } } })).toBe(0);
  });

  it("two simultaneous accepts of one link create one account", async () => {
    const v = await tenant();
    const to = email();
    await createInvitation(v.ctx, { email: to });
    const token = await tokenFromOutbox(to);
    const results = await Promise.allSettled([1, 2].map((i) => acceptInvitation(prisma, { token, name: `Twin ${i}`, password: "Kirana@2026", business: business() })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.user.count({ where: { email: to } })).toBe(1);
  });

  it("resend gives a new link (the old one dies) and a new 7-day expiry; sends are capped", async () => {
    const v = await tenant();
    const to = email();
    const inv = await createInvitation(v.ctx, { email: to });
    const old = await tokenFromOutbox(to);
    const later = new Date(Date.now() + 3 * 86400_000);
    const resent = await resendInvitation(ctxFor(v.actor, later), inv.id);
    expect(resent.sendCount).toBe(2);
    expect(new Date(resent.expiresAt).getTime()).toBeGreaterThan(new Date(inv.expiresAt).getTime());
    await expect(getInvitationByToken(prisma, old)).rejects.toMatchObject({ code: "not_found" });
    await expect(getInvitationByToken(prisma, await tokenFromOutbox(to))).resolves.toMatchObject({ state: "pending" });
    for (let i = 0; i < 3; i++) await resendInvitation(v.ctx, inv.id);
    await expect(resendInvitation(v.ctx, inv.id)).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("refuses bad input, duplicates, staff emails and taken customer codes", async () => {
    const v = await tenant();
    await expect(createInvitation(v.ctx, { email: "nope", creditLimit: "-5", paymentTermsDays: 400, extra: true })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { email: [expect.any(String)], creditLimit: [expect.any(String)], paymentTermsDays: ["At most 365 days"], extra: ["Unknown field"] },
    });
    const to = email();
    await createInvitation(v.ctx, { email: to });
    await expect(createInvitation(v.ctx, { email: to })).rejects.toMatchObject({ code: "conflict", fieldErrors: { email: [expect.stringContaining("resend")] } });
    await expect(createInvitation(v.ctx, { email: v.user.email })).rejects.toMatchObject({ code: "conflict" });
    const sales = await createStaff(v.company.id, "WAREHOUSE");
    await expect(createInvitation(sales.ctx, { email: email() })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lists invitations by state", async () => {
    const v = await tenant();
    const a = await createInvitation(v.ctx, { email: email() });
    await createInvitation(v.ctx, { email: email() });
    await revokeInvitation(v.ctx, a.id);
    expect((await listInvitations(v.ctx, { status: "pending" })).total).toBe(1);
    expect((await listInvitations(v.ctx, { status: "revoked" })).total).toBe(1);
    expect((await listInvitations(v.ctx, {})).total).toBe(2);
    await expect(listInvitations(v.ctx, { status: "weird" })).rejects.toMatchObject({ code: "validation" });
  });
});

describe("join requests", () => {
  it("retailer finds a vendor by code or GSTIN, requests, vendor approves with terms, retailer is told by mail", async () => {
    const v = await tenant();
    const r = await createRetailerUser();
    await expect(findVendor(r.ctx, { query: v.company.code })).resolves.toMatchObject({ id: v.company.id, connectionStatus: null });
    await expect(findVendor(r.ctx, { query: v.company.gstin })).resolves.toMatchObject({ id: v.company.id });
    await expect(findVendor(r.ctx, { query: "NOSUCH" })).rejects.toMatchObject({ code: "not_found" });
    const req = await requestToJoin(r.ctx, { vendorCode: v.company.code.toLowerCase(), message: "We stock 40 kg of your poha every week" });
    expect(req.status).toBe("PENDING");
    await expect(requestToJoin(r.ctx, { vendorCode: v.company.code })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("waiting") });
    const inbox = await listJoinRequests(v.ctx, { status: "pending" });
    expect(inbox.items).toEqual([expect.objectContaining({ id: req.id, retailer: expect.objectContaining({ id: r.retailer.id }) })]);
    const conn = await approveJoinRequest(v.ctx, req.id, { creditLimit: "75000", paymentTermsDays: 15, customerCode: "NSK-042", shippingLine1: "Godown 3, Satpur MIDC", shippingCity: "Nashik", shippingStateCode: "27", shippingPincode: "422007" });
    expect(conn).toMatchObject({ status: "ACTIVE", creditLimit: "75000.00", paymentTermsDays: 15, customerCode: "NSK-042", placeOfSupply: "27", shippingAddress: expect.objectContaining({ city: "Nashik" }) });
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: r.user.email, template: "join_request_approved" } });
    expect(mail.text).toContain("₹75000.00");
    expect(await listMyVendors(r.ctx)).toEqual([expect.objectContaining({ status: "ACTIVE", creditLimit: "75000.00" })]);
    await expect(requestToJoin(r.ctx, { vendorCode: v.company.code })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("already connected") });
  });

  it("approving a rejected request, rejecting twice and cancelling a decided one are invalid transitions", async () => {
    const v = await tenant();
    const r = await createRetailerUser();
    const req = await requestToJoin(r.ctx, { vendorCode: v.company.code });
    await expect(rejectJoinRequest(v.ctx, req.id, { reason: "" })).rejects.toMatchObject({ code: "validation", fieldErrors: { reason: ["Reason is required"] } });
    await rejectJoinRequest(v.ctx, req.id, { reason: "We only supply in Gujarat for now" });
    await expect(approveJoinRequest(v.ctx, req.id, {})).rejects.toMatchObject({ code: "invalid_transition", details: { state: "REJECTED" } });
    await expect(rejectJoinRequest(v.ctx, req.id, { reason: "again" })).rejects.toMatchObject({ code: "invalid_transition" });
    await expect(cancelJoinRequest(r.ctx, req.id)).rejects.toMatchObject({ code: "invalid_transition" });
    expect(await prisma.connection.count({ where: { companyId: v.company.id } })).toBe(0);
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: r.user.email, template: "join_request_rejected" } });
    expect(mail.text).toContain("only supply in Gujarat");
    expect((await listMyJoinRequests(r.ctx))[0]).toMatchObject({ status: "REJECTED", rejectionReason: "We only supply in Gujarat for now" });
    // After a rejection the retailer may ask again.
    const again = await requestToJoin(r.ctx, { vendorCode: v.company.code });
    await cancelJoinRequest(r.ctx, again.id);
    await expect(approveJoinRequest(v.ctx, again.id, {})).rejects.toMatchObject({ code: "invalid_transition" });
  });

  it("approval with a customer code already in use changes nothing", async () => {
    const v = await tenant();
    const r1 = await createRetailerUser();
    const r2 = await createRetailerUser();
    const a = await requestToJoin(r1.ctx, { vendorCode: v.company.code });
    const b = await requestToJoin(r2.ctx, { vendorCode: v.company.code });
    await approveJoinRequest(v.ctx, a.id, { customerCode: "C-1" });
    await expect(approveJoinRequest(v.ctx, b.id, { customerCode: "c-1" })).rejects.toMatchObject({ code: "conflict", fieldErrors: { customerCode: [expect.any(String)] } });
    expect((await prisma.joinRequest.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("PENDING");
  });
});

describe("connections", () => {
  async function connected() {
    const v = await tenant();
    const r = await createRetailerUser();
    const req = await requestToJoin(r.ctx, { vendorCode: v.company.code });
    const c = await approveJoinRequest(v.ctx, req.id, { creditLimit: "50000", paymentTermsDays: 30 });
    return { v, r, c };
  }

  it("updates terms with an audit of before and after, and derives place of supply from the shipping state", async () => {
    const { v, c } = await connected();
    const updated = await updateConnectionTerms(v.ctx, c.id, { creditLimit: "125000.50", shippingLine1: "Plot 9", shippingCity: "Surat", shippingStateCode: "24", shippingPincode: "395003" });
    expect(updated).toMatchObject({ creditLimit: "125000.50", placeOfSupply: "24", placeOfSupplyName: "Gujarat" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: c.id, action: "connection.update_terms" } });
    expect(audit.before).toMatchObject({ creditLimit: "50000.00", placeOfSupply: "27" });
    expect(audit.after).toMatchObject({ creditLimit: "125000.50", placeOfSupply: "24" });
    await expect(updateConnectionTerms(v.ctx, c.id, { creditLimit: "12.345" })).rejects.toMatchObject({ code: "validation" });
    const detail = await getRetailerDetailOrThrow(v.ctx, c.id);
    expect(detail.activity.map((a) => a.action)).toEqual(["connection.update_terms", "connection.activate", "join_request.approve", "join_request.create"]);
    expect(detail.contacts).toHaveLength(1);
  });

  it("suspends, reactivates and ends; invalid moves are 409 and change nothing", async () => {
    const { v, c } = await connected();
    await expect(changeConnectionStatus(v.ctx, c.id, "reactivate")).rejects.toMatchObject({ code: "invalid_transition", details: { state: "ACTIVE" } });
    await expect(changeConnectionStatus(v.ctx, c.id, "suspend")).resolves.toMatchObject({ status: "SUSPENDED" });
    await expect(changeConnectionStatus(v.ctx, c.id, "reactivate")).resolves.toMatchObject({ status: "ACTIVE" });
    await expect(changeConnectionStatus(v.ctx, c.id, "end")).resolves.toMatchObject({ status: "ENDED" });
    await expect(changeConnectionStatus(v.ctx, c.id, "suspend")).rejects.toMatchObject({ code: "invalid_transition" });
    await expect(updateConnectionTerms(v.ctx, c.id, { notes: "x" })).rejects.toMatchObject({ code: "invalid_transition" });
    await expect(changeConnectionStatus(v.ctx, c.id, "explode")).rejects.toMatchObject({ code: "validation" });
  });

  it("searches and filters the retailers list", async () => {
    const v = await tenant();
    for (const [name, city] of [["Sharma Kirana", "Nashik"], ["Mehta Traders", "Surat"], ["Iyer Supermart", "Chennai"]] as const) {
      const r = await createRetailerUser();
      await prisma.retailer.update({ where: { id: r.retailer.id }, data: { legalName: name, city } });
      const req = await requestToJoin(r.ctx, { vendorCode: v.company.code });
      await approveJoinRequest(v.ctx, req.id, { customerCode: name.slice(0, 3) });
    }
    expect((await listRetailers(v.ctx, { q: "surat" })).items.map((i) => i.retailer?.legalName)).toEqual(["Mehta Traders"]);
    expect((await listRetailers(v.ctx, { q: "IYE" })).items.map((i) => i.customerCode)).toEqual(["IYE"]);
    expect((await listRetailers(v.ctx, { sort: "city", dir: "desc" })).items.map((i) => i.retailer?.city)).toEqual(["Surat", "Nashik", "Chennai"]);
    const first = (await listRetailers(v.ctx, { q: "Mehta" })).items[0];
    expect((await listRetailers(v.ctx, { q: first.retailer!.gstin!.slice(0, 10) })).total).toBe(1);
    await changeConnectionStatus(v.ctx, first.id, "suspend");
    const suspended = await listRetailers(v.ctx, { status: "SUSPENDED" });
    expect(suspended.items.map((i) => i.id)).toEqual([first.id]);
    expect(suspended.byStatus).toMatchObject({ ACTIVE: 2, SUSPENDED: 1 });
  });

  it("cross-tenant: vendor B cannot see or change vendor A's retailers, terms, invitations or requests", async () => {
    const { v: a, r, c } = await connected();
    const b = await tenant();
    await expect(getRetailerDetailOrThrow(b.ctx, c.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateConnectionTerms(b.ctx, c.id, { creditLimit: "1" })).rejects.toMatchObject({ code: "not_found" });
    await expect(changeConnectionStatus(b.ctx, c.id, "end")).rejects.toMatchObject({ code: "not_found" });
    expect((await listRetailers(b.ctx, {})).total).toBe(0);
    const inv = await createInvitation(a.ctx, { email: email() });
    await expect(revokeInvitation(b.ctx, inv.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(resendInvitation(b.ctx, inv.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listInvitations(b.ctx, {})).total).toBe(0);
    const other = await createRetailerUser();
    const req = await requestToJoin(other.ctx, { vendorCode: a.company.code });
    await expect(approveJoinRequest(b.ctx, req.id, {})).rejects.toMatchObject({ code: "not_found" });
    await expect(rejectJoinRequest(b.ctx, req.id, { reason: "x" })).rejects.toMatchObject({ code: "not_found" });
    expect((await listJoinRequests(b.ctx, {})).total).toBe(0);
    // A retailer sees only its own connections and requests, and cannot cancel another's.
    expect(await listMyVendors(other.ctx)).toEqual([]);
    await expect(cancelJoinRequest(r.ctx, req.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listMyJoinRequests(r.ctx)).map((x) => x.id)).not.toContain(req.id);
    expect((await prisma.connection.findUniqueOrThrow({ where: { id: c.id } })).creditLimit.toFixed(2)).toBe("50000.00");
  });

  it("retailers edit their own business (owner only), with GSTIN checks", async () => {
    const r = await createRetailerUser();
    await expect(updateMyBusiness(r.ctx, { tradeName: "Sharma Kirana & General", pincode: "422002" })).resolves.toMatchObject({ tradeName: "Sharma Kirana & General" });
    const gstin = makeGstin("24", "AAAFM1234Q");
    await expect(updateMyBusiness(r.ctx, { gstin })).resolves.toMatchObject({ gstin, stateCode: "24" });
    await expect(updateMyBusiness(r.ctx, { gstin: gstin.slice(0, 14) + "0" })).rejects.toMatchObject({ code: "validation" });
    const staffUser = await prisma.user.create({ data: { email: email("helper"), name: "Counter staff", kind: "RETAILER" } });
    await prisma.retailerMembership.create({ data: { retailerId: r.retailer.id, userId: staffUser.id, role: "STAFF" } });
    const staffCtx = ctxFor({ kind: "retailer", userId: staffUser.id, email: staffUser.email, name: staffUser.name, retailerId: r.retailer.id });
    await expect(updateMyBusiness(staffCtx, { tradeName: "x" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await getMyBusiness(staffCtx)).users).toHaveLength(2);
    const v = await tenant();
    await expect(getMyBusiness(v.ctx)).rejects.toMatchObject({ code: "forbidden" });
  });
});
