// Mails of the retailer network: invitations, join request decisions.
import { appUrl } from "@/lib/env";
import type { Email } from "./send-email";
import { html } from "./templates";

function mail(to: string, subject: string, lines: string[], template: string, companyId: string, cta?: { href: string; label: string }): Email {
  const text = [...lines, ...(cta ? [`${cta.label}: ${cta.href}`] : [])].join("\n\n");
  return { to, subject, text, html: html(subject, lines, cta), template, companyId };
}

export function invitationEmail(p: { to: string; contactName?: string | null; vendorName: string; token: string; expiresAt: Date; companyId: string }) {
  const link = `${appUrl()}/invite/${encodeURIComponent(p.token)}`;
  return mail(
    p.to,
    `${p.vendorName} invites you to order on Vendor ERP`,
    [
      `Hello${p.contactName ? ` ${p.contactName}` : ""},`,
      `${p.vendorName} would like to supply your business through Vendor ERP: see their catalogue at your prices, place and track orders, and get your invoices in one place.`,
      `The invitation is valid until ${p.expiresAt.toUTCString().slice(5, 16)}.`,
    ],
    "retailer_invitation",
    p.companyId,
    { href: link, label: "Accept the invitation" },
  );
}

export function joinRequestReceivedEmail(p: { to: string; vendorName: string; retailerName: string; message?: string | null; companyId: string }) {
  return mail(
    p.to,
    `${p.retailerName} asked to trade with ${p.vendorName}`,
    [`${p.retailerName} sent a request to connect with ${p.vendorName}.`, ...(p.message ? [`Their message: "${p.message}"`] : []), `Approve it with terms, or reject it with a reason.`],
    "join_request_received",
    p.companyId,
    { href: `${appUrl()}/retailers/requests`, label: "Review the request" },
  );
}

export function joinApprovedEmail(p: { to: string; vendorName: string; retailerName: string; creditLimit: string; paymentTermsDays: number; companyId: string }) {
  return mail(
    p.to,
    `${p.vendorName} approved your request`,
    [`Good news: ${p.vendorName} approved ${p.retailerName}'s request to connect.`, `Your terms: credit limit ₹${p.creditLimit}, payment due in ${p.paymentTermsDays} days.`],
    "join_request_approved",
    p.companyId,
    { href: `${appUrl()}/portal`, label: "Open your portal" },
  );
}

export function joinRejectedEmail(p: { to: string; vendorName: string; retailerName: string; reason: string; companyId: string }) {
  return mail(p.to, `${p.vendorName} could not approve your request`, [`${p.vendorName} did not approve ${p.retailerName}'s request to connect.`, `Reason given: ${p.reason}`], "join_request_rejected", p.companyId);
}
