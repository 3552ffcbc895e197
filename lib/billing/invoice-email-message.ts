// The mail that carries an invoice or note to the retailer: subject with number, seller and amount,
// a short text/HTML body (amount, due date, link to the portal) and the PDF as an attachment
// reference, rendered when the mail is delivered (lib/billing/pdf/attachments.ts). Pure.
import type { InvoiceDocument } from "@/lib/billing/invoice-access";
import type { BuyerSnapshot, SellerSnapshot } from "@/lib/billing/parties";
import { pdfFilename } from "@/lib/billing/pdf-filename";
import { appUrl } from "@/lib/env";
import { formatDate, formatINR } from "@/lib/format";
import type { Email } from "@/lib/integrations/messaging/send-email";

const NOUNS = { INVOICE: "Tax invoice", CREDIT_NOTE: "Credit note", DEBIT_NOTE: "Debit note" } as const;

export const INVOICE_EMAIL_TEMPLATE = "invoice.issued";

/** The mail for `doc`, to the frozen buyer e-mail (null when the buyer has none). */
export function invoiceEmail(doc: Pick<InvoiceDocument, "id" | "companyId" | "type" | "number" | "issueDate" | "dueDate" | "grandTotal" | "seller" | "buyer">): Email | null {
  const seller = doc.seller as unknown as SellerSnapshot;
  const buyer = doc.buyer as unknown as BuyerSnapshot;
  if (!buyer.email) return null;
  const from = seller.tradeName || seller.legalName;
  const noun = NOUNS[doc.type];
  const amount = formatINR(doc.grandTotal);
  const url = `${appUrl()}/portal/invoices/${doc.id}`;
  const filename = pdfFilename(doc.number);
  const lines =
    doc.type === "CREDIT_NOTE"
      ? [`${from} has issued credit note ${doc.number} for ${amount} to ${buyer.legalName}.`, "It reduces what you owe and will be applied to your open invoices."]
      : [`${from} has issued ${noun.toLowerCase()} ${doc.number} for ${amount} to ${buyer.legalName}.`, `Please pay by ${formatDate(doc.dueDate)}.`];
  // A name ending in a full stop ("… Pvt. Ltd.") that closes a sentence leaves one stop, not two.
  for (let i = 0; i < lines.length; i++) lines[i] = lines[i].replace(/(?<!\.)\.\.(?!\.)/g, ".");
  const summary = [`${noun}: ${doc.number}`, `Date: ${formatDate(doc.issueDate)}`, `Amount: ${amount}`, ...(doc.type === "CREDIT_NOTE" ? [] : [`Due date: ${formatDate(doc.dueDate)}`])];
  const text = [...lines, summary.join("\n"), `The PDF is attached (${filename}). View it online: ${url}`, `— ${seller.legalName}, via Vendor ERP`].join("\n\n");
  const html =
    `<div style="font-family:system-ui,sans-serif;font-size:14px;color:#0f172a;max-width:560px">` +
    `<div style="border-bottom:1px solid #e2e8f0;padding:0 0 12px;margin:0 0 16px;font-size:15px;font-weight:600">${esc(seller.legalName)}</div>` +
    `<h2 style="font-size:18px;margin:0 0 12px">${esc(`${noun} ${doc.number}`)}</h2>` +
    lines.map((l) => `<p style="margin:0 0 12px">${esc(l)}</p>`).join("") +
    `<div style="background:#f8fafc;border-radius:6px;padding:10px 14px;margin:0 0 16px;color:#334155">${summary.map((s) => `<div>${esc(s)}</div>`).join("")}</div>` +
    `<p style="margin:0 0 12px">The PDF is attached (${esc(filename)}).</p>` +
    `<p><a href="${esc(url)}" style="display:inline-block;background:#4338ca;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">View the ${esc(noun.toLowerCase())}</a></p></div>`;
  return {
    to: buyer.email,
    subject: `${noun} ${doc.number} from ${from} — ${amount}`,
    text,
    html,
    template: INVOICE_EMAIL_TEMPLATE,
    companyId: doc.companyId,
    attachments: [{ kind: "invoice-pdf", invoiceId: doc.id, filename }],
  };
}

function esc(s: string) {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
