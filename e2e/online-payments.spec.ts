// Paying online as a retailer does it: Pay now on an unpaid invoice in the portal opens Razorpay
// Standard Checkout on an order — here the local payment sandbox's stand-in for checkout.js (UPI,
// succeeds; a failed try first) — whose signed answer goes to the callback; the invoice shows paid
// once the gateway's webhook has been applied in the background; staff then see the receipt, the
// ledger line and the outstanding fall by exactly the amount paid. The statement's Pay now (the whole
// outstanding) still goes through a hosted pay link.
import { expect, test } from "@playwright/test";
import { outstandingOf, rupees, signedIn, users } from "./helpers";

test("a retailer pays an invoice through the local payment sandbox and sees it paid; staff see the receipt, the ledger and the outstanding fall", async ({ browser }) => {
  test.setTimeout(150_000);
  const retailer = await signedIn(browser, users.retailer);
  const staff = await signedIn(browser, users.owner);

  await retailer.goto("/portal/invoices");
  const row = retailer.getByRole("row").filter({ has: retailer.getByRole("button", { name: "Pay now" }) }).first();
  await expect(row).toBeVisible();
  const link = row.getByRole("link", { name: /^INV\// });
  const number = (await link.innerText()).trim();
  const invoiceId = (await link.getAttribute("href"))!.split("/").pop()!;
  const balance = rupees(await row.locator("td").nth(4).innerText());
  expect(balance).toBeGreaterThan(0);

  // What the retailer owes before, as staff see it.
  await staff.goto(`/invoices/${invoiceId}`);
  const recordHref = await staff.getByRole("link", { name: "Record payment" }).getAttribute("href");
  const connectionId = new URL(recordHref!, "http://x").searchParams.get("retailer")!;
  const before = await outstandingOf(staff, connectionId);

  // Pay now → the checkout (the sandbox's stand-in for Razorpay's), clearly labelled, for this invoice's balance.
  await row.getByRole("button", { name: "Pay now" }).click();
  const checkout = retailer.getByRole("dialog");
  await expect(checkout.getByText("Local payment sandbox — no real money moves")).toBeVisible();
  await expect(checkout.getByText(`Invoice ${number}`)).toBeVisible();
  await expect(checkout.getByText(/^Order order_/)).toBeVisible();
  // A declined payment first: checkout says so and lets the retailer try again; nothing is recorded.
  await checkout.getByLabel("Card").check();
  await checkout.getByLabel("Payment fails").check();
  await checkout.getByRole("button", { name: /^Pay ₹/ }).click();
  await expect(checkout.getByText(/Payment failed: .*No money was taken/)).toBeVisible();
  await checkout.getByLabel("UPI").check();
  await checkout.getByLabel("Payment succeeds").check();
  await checkout.getByRole("button", { name: /^Pay ₹/ }).click();

  // Back on the invoice: it turns paid by itself once the webhook job has booked the receipt.
  await retailer.waitForURL(new RegExp(`/portal/invoices/${invoiceId}\\?paid=1`));
  await expect(retailer.getByRole("heading", { level: 1 })).toContainText(number);
  await expect(retailer.getByText(/your payment is recorded/)).toBeVisible({ timeout: 60_000 });
  await expect(retailer.getByText("Paid", { exact: true }).first()).toBeVisible();

  // Staff: the payment and its receipt on the invoice, the receipt itself, the ledger, the outstanding.
  await staff.goto(`/invoices/${invoiceId}`);
  await expect(staff.getByText("Received").first()).toBeVisible();
  await staff.getByRole("link", { name: "Receipt", exact: true }).first().click();
  await staff.waitForURL(/\/payments\/[^/?]+$/);
  const receiptNumber = (await staff.getByText(/RCT\/\d{2}-\d{2}\/\d{6}/).first().innerText()).match(/RCT\/\d{2}-\d{2}\/\d{6}/)![0];
  await expect(staff.getByText("Payment gateway").first()).toBeVisible();
  await staff.goto(`/retailers/${connectionId}/ledger`);
  await expect(staff.getByText(receiptNumber).first()).toBeVisible();
  const after = await outstandingOf(staff, connectionId);
  expect(Math.round((before - after) * 100)).toBe(Math.round(balance * 100));

  // The gateway account and the event log.
  await staff.goto("/settings/payments");
  await expect(staff.getByText(/Local payment sandbox — no real money moves/).first()).toBeVisible();
  await expect(staff.getByText(/\/api\/webhooks\/razorpay\/gwa_/).first()).toBeVisible();
  await staff.getByRole("link", { name: "Payment events" }).click();
  await expect(staff.getByRole("heading", { name: "Payment events" })).toBeVisible();
  await expect(staff.getByText("payment.captured").first()).toBeVisible();
  await expect(staff.getByText("Applied").first()).toBeVisible();

  // Staff refund ₹1 of it through the gateway: the payment shows part refunded, the retailer owes ₹1 again.
  await staff.goto(`/invoices/${invoiceId}`);
  await staff.getByRole("button", { name: "Refund", exact: true }).click();
  await staff.getByLabel("Refund amount").fill("1.00");
  await staff.getByRole("button", { name: "Refund ₹1.00" }).click();
  await expect(staff.getByText("Part refunded").first()).toBeVisible();
  expect(Math.round((await outstandingOf(staff, connectionId)) * 100)).toBe(Math.round(after * 100) + 100);
});
