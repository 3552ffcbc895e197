// Mailing an issued document: the "invoice-email" job writes one mail (however often it runs) to the
// buyer e-mail frozen on the document, with the PDF as an attachment reference that delivery renders
// and hands to the provider; staff can send it again; other tenants cannot.
import { beforeAll, describe, expect, it } from "vitest";
import * as emailRoute from "@/app/api/v1/invoices/[id]/email/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { emailInvoice } from "@/lib/billing/email-invoice";
import { emailInvoiceAgain } from "@/lib/billing/email-invoice-again";
import "@/lib/billing/pdf/attachments";
import { pdfFilename } from "@/lib/billing/pdf-filename";
import { prisma } from "@/lib/db/client";
import { deliverEmail, registerEmailProvider, type RenderedAttachment } from "@/lib/integrations/messaging/send-email";
import { insertInvoiceRow } from "../support/billing-factories";
import { call } from "../support/http";
import { orderShop, type Shop } from "../support/order-factories";

const sent: { to: string; subject: string; attachments: RenderedAttachment[] }[] = [];
beforeAll(() => registerEmailProvider("capture", { send: async (msg) => (sent.push(msg), { providerId: `cap-${sent.length}` }) }));

async function mailedShop() {
  const shop = await orderShop();
  await prisma.retailer.update({ where: { id: shop.retailer.id }, data: { email: `accounts-${shop.retailer.id}@kirana.example` } });
  const inv = await insertInvoiceRow(shop, { grandTotal: "12345.00", issueDate: "2026-11-01", dueDate: "2026-12-01" });
  return { shop, inv, to: `accounts-${shop.retailer.id}@kirana.example` };
}
const mailsTo = (to: string) => prisma.emailMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

describe("emailInvoice (the invoice-email job)", () => {
  it("writes one mail with the PDF attachment reference, however often it runs", async () => {
    const { shop, inv, to } = await mailedShop();
    expect(await emailInvoice(inv.id)).toBe("queued");
    expect(await emailInvoice(inv.id)).toBe("already_queued");
    const mails = await mailsTo(to);
    expect(mails).toHaveLength(1);
    const m = mails[0];
    expect(m.dedupeKey).toBe(`invoice-email:${inv.id}`);
    expect(m.template).toBe("invoice.issued");
    expect(m.companyId).toBe(shop.co);
    expect(m.subject).toBe(`Tax invoice ${inv.number} from ${shop.company.tradeName ?? shop.company.legalName} — ₹12,345.00`);
    expect(m.text).toContain(`/portal/invoices/${inv.id}`);
    expect(m.text).toContain("1 Dec 2026");
    expect(m.attachments).toEqual([{ kind: "invoice-pdf", invoiceId: inv.id, filename: pdfFilename(inv.number) }]);
  });

  it("skips a document whose buyer has no e-mail", async () => {
    const shop: Shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "100.00", issueDate: "2026-11-01" });
    expect(await emailInvoice(inv.id)).toBe("no_email");
    expect(await prisma.emailMessage.count({ where: { dedupeKey: `invoice-email:${inv.id}` } })).toBe(0);
  });

  it("delivery renders the PDF and hands it to the provider", async () => {
    const { inv, to } = await mailedShop();
    await emailInvoice(inv.id);
    const [m] = await mailsTo(to);
    await prisma.emailMessage.update({ where: { id: m.id }, data: { provider: "capture" } });
    expect(await deliverEmail(m.id)).toBe("sent");
    const got = sent.find((s) => s.to === to)!;
    expect(got.attachments).toHaveLength(1);
    expect(got.attachments[0].filename).toBe(pdfFilename(inv.number));
    expect(got.attachments[0].contentType).toBe("application/pdf");
    expect(got.attachments[0].content.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("SENT");
  });

  it("an attachment of an unknown kind fails the delivery attempt instead of sending without it", async () => {
    const { to } = await mailedShop();
    const row = await prisma.emailMessage.create({ data: { to, subject: "x", text: "x", template: "t", provider: "capture", attachments: [{ kind: "nope", filename: "a.pdf" }] } });
    await expect(deliverEmail(row.id)).rejects.toThrow(/No renderer for the "nope" attachment/);
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("QUEUED");
  });
});

describe("sending again", () => {
  it("writes a new mail each time for staff with billing.write; 404 to another company, forbidden to the retailer", async () => {
    const { shop, inv, to } = await mailedShop();
    await emailInvoice(inv.id);
    const first = await emailInvoiceAgain(shop.staff, inv.id);
    const second = await emailInvoiceAgain(shop.staff, inv.id);
    expect(first.to).toBe(to);
    expect(first.emailId).not.toBe(second.emailId);
    expect(await mailsTo(to)).toHaveLength(3);

    const other = await orderShop();
    await expect(emailInvoiceAgain(other.staff, inv.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(emailInvoiceAgain(shop.shopper, inv.id)).rejects.toMatchObject({ code: "forbidden" });

    const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
    const ok = await call(emailRoute.POST, { method: "POST", path: `/api/v1/invoices/${inv.id}/email`, token: await token(shop.owner), params: { id: inv.id } });
    expect(ok.status).toBe(202);
    expect(ok.json.to).toBe(to);
    const denied = await call(emailRoute.POST, { method: "POST", path: `/api/v1/invoices/${inv.id}/email`, token: await token(other.owner), params: { id: inv.id } });
    expect(denied.status).toBe(404);
  });
});
