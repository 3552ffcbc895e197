// OpenAPI operations of the vendor–retailer network: retailers (connections), invitations, join
// requests and the retailer's side (its vendors, its business).
import type { Operation } from "@/lib/http/openapi-operation";
import { bool, dataList, dateTime, int, money, nullableDateTime, nullableEnum, nullableStr, object, str } from "@/lib/http/openapi-schemas";
import {
  acceptInvitationInput,
  approveJoinRequestInput,
  connectionTermsInput,
  createInvitationInput,
  joinRequestInput,
  listRetailersInput,
  rejectJoinRequestInput,
  updateRetailerBusinessInput,
} from "@/lib/network/network.schemas";

const connectionStatus = { enum: ["PENDING", "ACTIVE", "SUSPENDED", "ENDED"] };
const joinRequestStatus = { enum: ["PENDING", "APPROVED", "REJECTED", "CANCELLED"] };

const retailerSummary = object(
  {
    id: str,
    legalName: str,
    tradeName: nullableStr,
    gstin: nullableStr,
    stateCode: { type: "string", description: "GST state code" },
    stateName: nullableStr,
    city: str,
    pincode: str,
    addressLine1: str,
    addressLine2: nullableStr,
    email: nullableStr,
    phone: nullableStr,
  },
  { title: "RetailerBusiness" },
);

const connectionFields = {
  id: str,
  companyId: str,
  retailerId: str,
  status: connectionStatus,
  customerCode: nullableStr,
  creditLimit: { type: "string", description: 'Decimal rupees, e.g. "150000.00"' },
  paymentTermsDays: int,
  priceListId: nullableStr,
  shippingAddress: { type: ["object", "null"], properties: { line1: str, line2: nullableStr, city: nullableStr, stateCode: nullableStr, pincode: nullableStr }, description: "Where this vendor ships to, when it is not the business address" },
  placeOfSupply: { type: "string", description: "GST state code" },
  placeOfSupplyName: nullableStr,
  notes: nullableStr,
  activatedAt: nullableDateTime,
  suspendedAt: nullableDateTime,
  endedAt: nullableDateTime,
  createdAt: dateTime,
  updatedAt: dateTime,
};
const connectionView = object(
  { ...connectionFields, retailer: { ...retailerSummary, description: "Present in lists and after a change of terms or status; not in the answer to approving a join request" } },
  { title: "Connection", required: Object.keys(connectionFields) },
);

const retailerDetail = object({
  ...connectionFields,
  retailer: retailerSummary,
  priceList: { type: ["object", "null"], properties: { id: str, name: str, active: bool, isDefault: bool } },
  contacts: { type: "array", items: object({ name: str, email: str, phone: nullableStr, role: { enum: ["OWNER", "STAFF"] } }) },
  joinRequests: { type: "array", description: "Newest first, at most 20", items: object({ id: str, status: joinRequestStatus, message: nullableStr, rejectionReason: nullableStr, createdAt: dateTime }) },
  activity: {
    type: "array",
    description: "Audit trail of the connection, its join requests and invitations, newest first, at most 50",
    items: object({ id: str, action: str, actorName: str, actorKind: str, before: { description: "Fields before the change" }, after: { description: "Fields after the change" }, createdAt: dateTime }),
  },
});

const invitationView = object(
  {
    id: str,
    email: str,
    phone: nullableStr,
    businessName: nullableStr,
    contactName: nullableStr,
    state: { enum: ["pending", "accepted", "revoked", "expired"] },
    customerCode: nullableStr,
    creditLimit: { ...nullableStr, description: "Terms the connection starts with (decimal rupees)" },
    paymentTermsDays: { type: ["integer", "null"] },
    expiresAt: dateTime,
    sendCount: int,
    lastSentAt: dateTime,
    acceptedAt: nullableDateTime,
    retailerId: nullableStr,
    revokedAt: nullableDateTime,
    createdAt: dateTime,
  },
  { title: "Invitation" },
);

const joinRequestFields = { id: str, companyId: str, retailerId: str, status: joinRequestStatus, message: nullableStr, rejectionReason: nullableStr, decidedAt: nullableDateTime, createdAt: dateTime };
const joinRequestView = object(
  {
    ...joinRequestFields,
    retailer: { ...retailerSummary, description: "The vendor's inbox and a rejection carry the retailer" },
    vendor: { ...object({ id: str, name: str, code: str }), description: "The retailer's own list and a new request carry the vendor" },
  },
  { title: "JoinRequest", required: Object.keys(joinRequestFields) },
);

const vendorPublic = { id: str, code: str, name: str, legalName: str, city: str, stateName: nullableStr, gstin: nullableStr };

const myVendor = object({
  connectionId: str,
  status: connectionStatus,
  customerCode: nullableStr,
  creditLimit: money,
  paymentTermsDays: int,
  placeOfSupply: str,
  activatedAt: nullableDateTime,
  vendor: object({ ...vendorPublic, phone: nullableStr, email: nullableStr }),
});

const myBusiness = object({
  ...(retailerSummary.properties as Record<string, unknown>),
  canEdit: { ...bool, description: "The acting user owns the business" },
  users: { type: "array", items: object({ id: { type: "string", description: "Membership id (DELETE /me/business/users/{id})" }, name: str, email: str, phone: nullableStr, role: { enum: ["OWNER", "STAFF"] }, active: bool, lastLoginAt: nullableDateTime }) },
});

const invitationPreview = object({
  vendorName: str,
  vendorCity: str,
  email: str,
  businessName: nullableStr,
  contactName: nullableStr,
  phone: nullableStr,
  state: { enum: ["pending", "accepted", "revoked", "expired"] },
  expiresAt: dateTime,
  account: { enum: ["new", "retailer", "staff"], description: "new: sign up with a business; retailer: confirm with the password; staff: this email cannot accept" },
});

export const networkOperations: Operation[] = [
  { method: "get", path: "/retailers", tag: "Retailers", summary: "List the company's retailers (connections)", description: "Search by name, GSTIN, customer code or city; filter by status.", auth: true, query: listRetailersInput.pick({ q: true, status: true, sort: true, dir: true }), response: { status: 200, description: "A page of connections with their retailer", schema: connectionView, list: true } },
  { method: "get", path: "/retailers/{id}", tag: "Retailers", summary: "One retailer: terms, business, contacts and activity", description: "{id} is the connection id.", auth: true, response: { status: 200, description: "Retailer detail", schema: retailerDetail } },
  { method: "patch", path: "/connections/{id}", tag: "Retailers", summary: "Change a retailer's terms", auth: true, body: connectionTermsInput, response: { status: 200, description: "The connection", schema: connectionView } },
  { method: "post", path: "/connections/{id}/suspend", tag: "Retailers", summary: "Suspend a connection (ACTIVE → SUSPENDED)", auth: true, response: { status: 200, description: "The connection", schema: connectionView } },
  { method: "post", path: "/connections/{id}/reactivate", tag: "Retailers", summary: "Reactivate a suspended connection", auth: true, response: { status: 200, description: "The connection", schema: connectionView } },
  { method: "post", path: "/connections/{id}/end", tag: "Retailers", summary: "End a connection", auth: true, response: { status: 200, description: "The connection", schema: connectionView } },
  { method: "get", path: "/invitations", tag: "Invitations", summary: "List invitations", description: "status: pending, expired, accepted, revoked or all.", auth: true, response: { status: 200, description: "A page of invitations", schema: invitationView, list: true } },
  { method: "post", path: "/invitations", tag: "Invitations", summary: "Invite a retailer by email (7-day single-use link)", auth: true, idempotent: true, body: createInvitationInput, response: { status: 201, description: "The invitation", schema: invitationView } },
  { method: "post", path: "/invitations/{id}/resend", tag: "Invitations", summary: "Send a fresh link valid for another 7 days", auth: true, response: { status: 200, description: "The invitation", schema: invitationView } },
  { method: "post", path: "/invitations/{id}/revoke", tag: "Invitations", summary: "Withdraw an open invitation", auth: true, response: { status: 200, description: "The invitation", schema: invitationView } },
  { method: "get", path: "/invitations/by-token/{token}", tag: "Invitations", summary: "Preview an invitation link (public)", response: { status: 200, description: "Vendor, email, state and whether the email has an account", schema: invitationPreview } },
  {
    method: "post",
    path: "/invitations/accept",
    tag: "Invitations",
    summary: "Accept an invitation (public)",
    description: "New people send name, password and business; existing retailer users send their password.",
    body: acceptInvitationInput,
    response: { status: 200, description: "The active connection", schema: object({ connection: connectionView, retailerId: str }) },
  },
  { method: "get", path: "/join-requests", tag: "Join requests", summary: "Vendor inbox of join requests", description: "status: pending, approved, rejected, cancelled or all.", auth: true, response: { status: 200, description: "A page of join requests", schema: joinRequestView, list: true } },
  { method: "post", path: "/join-requests", tag: "Join requests", summary: "Retailer: ask a vendor (by code or GSTIN) to connect", auth: true, idempotent: true, body: joinRequestInput, response: { status: 201, description: "The join request", schema: joinRequestView } },
  { method: "post", path: "/join-requests/{id}/approve", tag: "Join requests", summary: "Approve with terms (connection becomes active)", auth: true, body: approveJoinRequestInput, response: { status: 200, description: "The connection", schema: connectionView } },
  { method: "post", path: "/join-requests/{id}/reject", tag: "Join requests", summary: "Reject with a reason", auth: true, body: rejectJoinRequestInput, response: { status: 200, description: "The join request", schema: joinRequestView } },
  { method: "post", path: "/join-requests/{id}/cancel", tag: "Join requests", summary: "Retailer: withdraw a pending request", auth: true, response: { status: 200, description: "The join request", schema: joinRequestView } },
  { method: "get", path: "/vendors/lookup", tag: "Retailer portal", summary: "Find a vendor by public code or GSTIN", description: "query: the vendor's code or GSTIN. 404 naming vendorCode when none has it.", auth: true, response: { status: 200, description: "Vendor's public details and your connection status", schema: object({ ...vendorPublic, connectionStatus: nullableEnum(["PENDING", "ACTIVE", "SUSPENDED", "ENDED"], "Null when not connected") }) } },
  { method: "get", path: "/me/vendors", tag: "Retailer portal", summary: "My vendors: status, credit limit, terms", auth: true, response: { status: 200, description: "Every connection of my business", schema: dataList(myVendor) } },
  { method: "get", path: "/me/join-requests", tag: "Retailer portal", summary: "My join requests and their outcome", description: "Newest first, at most 50.", auth: true, response: { status: 200, description: "My join requests", schema: dataList(joinRequestView) } },
  { method: "get", path: "/me/business", tag: "Retailer portal", summary: "My business profile and users", auth: true, response: { status: 200, description: "Business", schema: myBusiness } },
  { method: "patch", path: "/me/business", tag: "Retailer portal", summary: "Update my business profile (owner only)", auth: true, body: updateRetailerBusinessInput, response: { status: 200, description: "Business", schema: retailerSummary } },
  { method: "delete", path: "/me/business/users/{id}", tag: "Retailer portal", summary: "Remove a team member (owner only)", description: "Deactivates the member and ends every session and API token of theirs at once.", auth: true, response: { status: 204, description: "Removed" } },
];

