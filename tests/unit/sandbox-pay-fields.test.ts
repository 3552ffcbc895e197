// The local payment sandbox asks the payer the same things on its hosted pay page (a payment link) and
// in its stand-in for Razorpay Checkout (an order): how they pay, what happens and, for a part payment,
// how much — one set of fields, each choice a radio inside its label, the amount a labelled, required
// field. Both say they are the sandbox. Rendered to HTML as the server renders them first.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { SandboxPayForm } from "@/app/sandbox-gateway/pay/[linkId]/sandbox-pay-form";
import { SandboxCheckoutDialog } from "@/app/sandbox-gateway/sandbox-checkout-dialog";
import { SandboxPayFields, type SandboxPayChoices } from "@/app/sandbox-gateway/sandbox-pay-fields";

// The server actions' module reaches the auth stack, which does not load outside Next; nothing is called here.
vi.mock("@/app/sandbox-gateway/actions", () => ({ paySandboxAction: vi.fn(), settleSandboxAction: vi.fn(), paySandboxOrderAction: vi.fn() }));

const options = {
  key: "rzp_test_sandbox",
  order_id: "order_S4ndb0x",
  amount: 123450,
  currency: "INR",
  name: "Shree Ganesh Traders",
  description: "Invoice INV/26-27/000001",
  prefill: { name: "Asha Stores" },
  notes: {},
  handler: () => {},
  modal: { ondismiss: () => {} },
};
const link = {
  id: "plink_S4ndb0x",
  description: "Invoice INV/26-27/000001",
  referenceId: "INV/26-27/000001",
  amount: "1000.00",
  amountPaid: "0.00",
  due: "1000.00",
  currency: "INR",
  status: "created",
  acceptPartial: true,
  expired: false,
  callbackUrl: "http://localhost:3000/portal/invoices",
  payments: [],
};

const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

/** Each radio as [group, value, the text of the label it sits in]. */
function radios(markup: string) {
  return [...markup.matchAll(/<label[^>]*><input type="radio"[^>]*name="(\w+)"[^>]*value="(\w+)"\/>([^<]+)<\/label>/g)].map((m) => [m[1], m[2], m[3]]);
}

const methods = [
  ["method", "upi", "UPI"],
  ["method", "card", "Card"],
  ["method", "netbanking", "Net banking"],
];
const succeed = ["outcome", "succeed", "Payment succeeds"];
const fail = ["outcome", "fail", "Payment fails"];
const authorizeOnly = ["outcome", "authorize_only", "Authorised only (not captured)"];
const payPart = ["outcome", "pay_part", "Pay part of it"];

describe("the sandbox checkout (the order's stand-in for Razorpay Checkout)", () => {
  it("is a dialog named by its heading, says it is the sandbox, and offers the methods and outcomes of an order", () => {
    const whole = html(createElement(SandboxCheckoutDialog, { options }));
    expect(whole).toContain('<div role="note"');
    expect(whole).toContain("Local payment sandbox — no real money moves");
    const labelledBy = whole.match(/^<dialog aria-labelledby="([^"]+)"/)?.[1];
    expect(labelledBy).toBeTruthy();
    expect(whole).toContain(`<h2 id="${labelledBy}"`);
    expect(whole).toContain("<legend class=\"text-sm font-medium text-slate-900\">Pay with</legend>");
    expect(whole).toContain("<legend class=\"text-sm font-medium text-slate-900\">What happens</legend>");
    expect(radios(whole)).toEqual([...methods, succeed, fail]);
    expect(whole).toMatch(/name="method" checked="" value="upi"/);
    expect(whole).toMatch(/name="outcome" checked="" value="succeed"/);
    expect(whole).not.toContain("Amount to pay now");

    // An order that takes part payments offers one; authorised-only is the pay page's alone.
    expect(radios(html(createElement(SandboxCheckoutDialog, { options, partial: true })))).toEqual([...methods, succeed, fail, payPart]);
  });
});

describe("the sandbox's hosted pay page (a payment link)", () => {
  it("offers the methods, every outcome of a link and the webhook delivery", () => {
    const page = html(createElement(SandboxPayForm, { link }));
    expect(radios(page)).toEqual([...methods, succeed, fail, authorizeOnly, payPart]);
    expect(page).toContain('<label class="block text-sm font-medium text-slate-800" for="delivery">Webhook delivery</label>');
    expect(page).toContain("Pay ₹1,000.00");
  });

  it("offers no part payment on a link that takes the whole amount only, and no form on a paid link", () => {
    expect(radios(html(createElement(SandboxPayForm, { link: { ...link, acceptPartial: false } })))).toEqual([...methods, succeed, fail, authorizeOnly]);
    const paid = html(createElement(SandboxPayForm, { link: { ...link, status: "paid" } }));
    expect(radios(paid)).toEqual([]);
    expect(paid).toContain("This link is paid.");
  });
});

describe("the amount of a part payment", () => {
  const choices = (outcome: string): SandboxPayChoices => ({ method: "card", setMethod: () => {}, outcome, setOutcome: () => {}, amount: "250.00", setAmount: () => {}, input: { method: "card", outcome } });

  it("is asked only once a part payment is chosen: a required decimal field named by its label, hint and error", () => {
    const part = html(createElement(SandboxPayFields, { choices: choices("pay_part"), partial: true, authorizeOnly: true, amountField: { id: "amount", hint: "Less than ₹1,000.00", error: "Less than ₹1,000.00" } }));
    expect(part).toMatch(/<label[^>]*for="amount">Amount to pay now/);
    const input = part.match(/<input [^>]*id="amount"[^>]*\/>/)?.[0] ?? "";
    expect(input).toContain('inputMode="decimal"');
    expect(input).toContain('value="250.00"');
    expect(input).toContain('aria-required="true"');
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="amount-hint amount-error"');
    expect(part).toMatch(/id="amount-hint"[^>]*>Less than ₹1,000.00</);
    expect(part).toMatch(/name="method" checked="" value="card"/);
    expect(part).toMatch(/name="outcome" checked="" value="pay_part"/);

    const dialogLike = html(createElement(SandboxPayFields, { choices: choices("pay_part"), partial: true, amountField: { id: "a1", placeholder: "500.00" } }));
    const plain = dialogLike.match(/<input [^>]*id="a1"[^>]*\/>/)?.[0] ?? "";
    expect(plain).toContain('placeholder="500.00"');
    expect(plain).not.toContain('aria-invalid="');
    expect(plain).not.toContain("aria-describedby");

    expect(html(createElement(SandboxPayFields, { choices: choices("succeed"), partial: true, amountField: { id: "amount" } }))).not.toContain("Amount to pay now");
  });
});
