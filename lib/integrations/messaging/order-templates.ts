// What people are told about an order event, per event and audience: a short title and body (in-app,
// push), an SMS line, and a mail (subject, text, HTML) headed by the vendor company's name and logo.
// Pure: the notify job passes everything in.
import { appUrl } from "@/lib/env";
import { formatINR, type Decimalish } from "@/lib/format";
import type { NotifiableKind } from "@/lib/notifications/order-events";

export type OrderMessageInput = {
  kind: NotifiableKind;
  audience: "retailer" | "staff";
  vendor: { name: string; logoUrl: string | null };
  retailerName: string;
  order: { id: string; number: string; grandTotal: Decimalish; creditHold: boolean; holdReason: string | null; cancelReason: string | null; receivedBy: string | null };
  actorName: string | null;
  note: string | null;
  /** Dispatched on a delivery trip (lib/logistics/trips/start-trip.ts). */
  trip?: { tripNumber: string; vehicleNumber: string | null } | null;
};

export type OrderMessage = {
  title: string;
  body: string;
  sms: string;
  /** In-app link (path). */
  link: string;
  subject: string;
  text: string;
  html: string;
};

export function orderMessage(p: OrderMessageInput): OrderMessage {
  const link = p.audience === "retailer" ? `/portal/orders/${p.order.id}` : `/orders/${p.order.id}`;
  const url = `${appUrl()}${link}`;
  const total = formatINR(p.order.grandTotal);
  const n = p.order.number;
  const words = p.audience === "retailer" ? forRetailer(p, n, total) : forStaff(p, n, total);
  const title = words.title;
  const body = tidy(words.body);
  const lines = words.lines.map(tidy);
  const subject = p.audience === "retailer" ? `${p.vendor.name}: ${title}` : title;
  const summary = [`Order: ${n}`, `${p.audience === "retailer" ? "Supplier" : "Retailer"}: ${p.audience === "retailer" ? p.vendor.name : p.retailerName}`, `Order total: ${total}`];
  const text = [...lines, summary.join("\n"), `View the order: ${url}`, `— ${p.vendor.name}, via Vendor ERP`].join("\n\n");
  return {
    title,
    body,
    sms: `${p.vendor.name}: ${body} ${url}`,
    link,
    subject,
    text,
    html: orderHtml({ vendor: p.vendor, title, lines, summary, cta: { href: url, label: "View the order" } }),
  };
}

function forRetailer(p: OrderMessageInput, n: string, total: string) {
  const v = p.vendor.name;
  switch (p.kind) {
    case "placed":
      return {
        title: `Order ${n} placed`,
        body: `Your order ${n} for ${total} has been placed with ${v}.`,
        lines: [`Thank you for your order. ${v} has received order ${n} for ${total}.`, p.order.creditHold ? `It is waiting for ${v} to approve your credit before it is confirmed.` : `We will let you know when it is confirmed.`],
      };
    case "confirmed":
      return { title: `Order ${n} confirmed`, body: `${v} confirmed your order ${n} (${total}).`, lines: [`${v} has confirmed order ${n} for ${total}. It is being packed for dispatch.`] };
    case "dispatched":
      if (p.trip) return { title: `Order ${n} out for delivery`, body: `Your order ${n} (${total}) is out for delivery${p.trip.vehicleNumber ? ` on ${p.trip.vehicleNumber}` : ""}.`, lines: [`Order ${n} left ${v}'s warehouse on delivery trip ${p.trip.tripNumber}${p.trip.vehicleNumber ? ` (vehicle ${p.trip.vehicleNumber})` : ""} and reaches you today.`, ...(p.note ? [`Note: ${p.note}`] : [])] };
      return { title: `Order ${n} dispatched`, body: `Your order ${n} (${total}) is on its way.`, lines: [`Order ${n} has left ${v}'s warehouse and is on its way to you.`, ...(p.note ? [`Note: ${p.note}`] : [])] };
    case "delivered":
      return {
        title: `Order ${n} delivered`,
        body: `Your order ${n} (${total}) was delivered${p.order.receivedBy ? `, received by ${p.order.receivedBy}` : ""}.`,
        lines: [`Order ${n} was delivered${p.order.receivedBy ? ` and received by ${p.order.receivedBy}` : ""}. Thank you for ordering from ${v}.`],
      };
    case "cancelled": {
      const reason = p.order.cancelReason ?? p.note;
      return { title: `Order ${n} cancelled`, body: `Order ${n} (${total}) was cancelled.${reason ? ` Reason: ${reason}` : ""}`, lines: [`Order ${n} for ${total} with ${v} was cancelled.`, ...(reason ? [`Reason: ${reason}`] : [])] };
    }
  }
}

function forStaff(p: OrderMessageInput, n: string, total: string) {
  const r = p.retailerName;
  const by = p.actorName ? ` by ${p.actorName}` : "";
  switch (p.kind) {
    case "placed":
      return {
        title: `New order ${n} from ${r}`,
        body: `${r} placed order ${n} for ${total}.${p.order.creditHold ? " On credit hold." : ""}`,
        lines: [`${r} placed order ${n} for ${total}${by}.`, p.order.creditHold ? `It is on credit hold: ${p.order.holdReason ?? "over the credit limit"}. A manager must release it before it can be confirmed.` : `Confirm it when you are ready to pack it.`],
      };
    case "confirmed":
      return { title: `Order ${n} confirmed`, body: `Order ${n} from ${r} (${total}) was confirmed${by}.`, lines: [`Order ${n} from ${r} for ${total} was confirmed${by}. It is ready to pack.`] };
    case "dispatched":
      return { title: `Order ${n} dispatched`, body: `Order ${n} for ${r} (${total}) was dispatched${by}.`, lines: [`Order ${n} for ${r} (${total}) was dispatched${by}.`] };
    case "delivered":
      return {
        title: `Order ${n} delivered`,
        body: `Order ${n} for ${r} (${total}) was delivered${p.order.receivedBy ? `, received by ${p.order.receivedBy}` : ""}.`,
        lines: [`Order ${n} for ${r} (${total}) was delivered${p.order.receivedBy ? ` and received by ${p.order.receivedBy}` : ""}.`],
      };
    case "cancelled": {
      const reason = p.order.cancelReason ?? p.note;
      return { title: `Order ${n} cancelled`, body: `Order ${n} from ${r} (${total}) was cancelled${by}.${reason ? ` Reason: ${reason}` : ""}`, lines: [`Order ${n} from ${r} for ${total} was cancelled${by}.`, ...(reason ? [`Reason: ${reason}`] : [])] };
    }
  }
}

function orderHtml(p: { vendor: { name: string; logoUrl: string | null }; title: string; lines: string[]; summary: string[]; cta: { href: string; label: string } }) {
  const logo = p.vendor.logoUrl
    ? `<img src="${esc(p.vendor.logoUrl)}" alt="${esc(p.vendor.name)}" height="40" style="display:block;height:40px;max-width:200px;margin:0 0 8px">`
    : "";
  const header = `<div style="border-bottom:1px solid #e2e8f0;padding:0 0 12px;margin:0 0 16px">${logo}<div style="font-size:15px;font-weight:600;color:#0f172a">${esc(p.vendor.name)}</div></div>`;
  const body = p.lines.map((l) => `<p style="margin:0 0 12px">${esc(l)}</p>`).join("");
  const rows = p.summary.map((s) => `<div>${esc(s)}</div>`).join("");
  return (
    `<div style="font-family:system-ui,sans-serif;font-size:14px;color:#0f172a;max-width:560px">${header}` +
    `<h2 style="font-size:18px;margin:0 0 12px">${esc(p.title)}</h2>${body}` +
    `<div style="background:#f8fafc;border-radius:6px;padding:10px 14px;margin:0 0 16px;color:#334155">${rows}</div>` +
    `<p><a href="${esc(p.cta.href)}" style="display:inline-block;background:#4338ca;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${esc(p.cta.label)}</a></p></div>`
  );
}

/** A name that ends in a full stop ("… Pvt. Ltd.") closing a sentence leaves one stop, not two. */
function tidy(s: string) {
  return s.replace(/(?<!\.)\.\.(?!\.)/g, ".");
}

function esc(s: string) {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
