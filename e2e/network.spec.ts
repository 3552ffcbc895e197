import { expect, test, type Page } from "@playwright/test";
import { openOutbox, signedIn, users } from "./helpers";

// The retailer network as two people live it: a vendor and a retailer, each in their own browser.

/** Opens the newest mail to `to` in the local outbox and returns its text. */
async function readMail(page: Page, to: string): Promise<string> {
  await openOutbox(page);
  await page.getByRole("row").filter({ hasText: to }).first().getByRole("link").click();
  await expect(page).toHaveURL(/\/dev\/outbox\/.+/);
  return page.getByTestId("email-text").innerText();
}

test("vendor invites a new retailer, who accepts from the email link; both see the active connection", async ({ browser }) => {
  const stamp = Date.now() % 1_000_000;
  const email = `owner.${stamp}@shivshaktitraders.example`;
  const business = `Shiv Shakti Traders ${stamp}`;

  const vendor = await signedIn(browser, users.owner);
  await vendor.goto("/retailers/invite");
  await vendor.getByLabel("Email").fill(email);
  await vendor.getByLabel("Business name").fill(business);
  await vendor.getByLabel("Customer code").fill(`PN-${stamp}`);
  await vendor.getByLabel("Credit limit (₹)").fill("75000");
  await vendor.getByLabel("Payment terms (days)").fill("21");
  await vendor.getByRole("button", { name: "Send invitation" }).click();
  await expect(vendor).toHaveURL(/\/retailers\/invitations/);
  await expect(vendor.getByRole("row").filter({ hasText: email })).toBeVisible();

  // The retailer (not signed in) follows the link in the email.
  const retailerContext = await browser.newContext();
  const retailer = await retailerContext.newPage();
  const mail = await readMail(retailer, email);
  const link = mail.match(/https?:\/\/\S+\/invite\/\S+/)?.[0];
  expect(link, `an invitation link in the mail:\n${mail}`).toBeTruthy();
  await retailer.goto(new URL(link!).pathname);
  await expect(retailer.getByRole("heading", { name: /Shree Ganesh Foods invites you/ })).toBeVisible();

  await retailer.getByLabel("Your name").fill("Sunil Jadhav");
  await retailer.getByLabel("Password", { exact: true }).fill("Shivshakti@2026");
  await retailer.getByLabel("Legal name").fill(business);
  // Maharashtra, Nashik — not GST-registered.
  await retailer.getByLabel("State").selectOption("27");
  await retailer.getByLabel("Address").fill("Shop 4, Gangapur Road");
  await retailer.getByLabel("City").fill("Nashik");
  await retailer.getByLabel("PIN code").fill("422013");
  await retailer.getByRole("button", { name: "Accept and create account" }).click();

  await expect(retailer).toHaveURL(/\/portal/);
  await retailer.goto("/portal/vendors");
  const card = retailer.getByRole("listitem").filter({ hasText: "Shree Ganesh Foods" });
  await expect(card).toBeVisible();
  await expect(card.getByText("Active")).toBeVisible();
  await expect(card.getByText(/75,000/)).toBeVisible();

  // The vendor sees the new retailer as active, with the terms from the invitation.
  await vendor.goto(`/retailers?q=${encodeURIComponent(business)}`);
  const row = vendor.getByRole("row").filter({ hasText: business });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Active");
  await expect(row).toContainText("₹75,000.00");

  // The link is single-use.
  await retailer.goto(new URL(link!).pathname);
  await expect(retailer.getByText("This invitation was already accepted")).toBeVisible();
});

test("retailer asks to join a vendor by its code; vendor approves with terms; retailer sees it active", async ({ browser }) => {
  // Mehta Departmental Store (Ahmedabad) buys only from Navrang in the demo data.
  const retailer = await signedIn(browser, "bhavesh@mehtastore.example");
  await retailer.goto("/portal/vendors/join");
  await retailer.getByLabel("Vendor code or GSTIN").fill("SGAF");
  await retailer.getByRole("button", { name: "Find vendor" }).click();
  await expect(retailer.getByLabel("Vendor found")).toContainText("Shree Ganesh");
  await retailer.getByLabel("Message").fill("We stock groceries in Navrangpura and would like to carry your poha and besan.");
  await retailer.getByRole("button", { name: "Send request" }).click();
  await expect(retailer).toHaveURL(/\/portal\/vendors/);

  const vendor = await signedIn(browser, users.owner);
  await vendor.goto("/retailers/requests");
  const request = vendor.getByRole("listitem").filter({ hasText: "Mehta Departmental Store" });
  await expect(request).toBeVisible();
  await request.getByRole("button", { name: "Approve" }).click();
  const form = vendor.getByRole("form", { name: "Approve Mehta Departmental Store" });
  await form.getByLabel("Customer code").fill("AMD-0107");
  await form.getByLabel("Credit limit (₹)").fill("40000");
  await form.getByLabel("Payment terms (days)").fill("15");
  await form.getByRole("button", { name: "Approve request" }).click();
  await expect(request).toHaveCount(0);

  // The approval mail reaches the retailer, and the connection is active on their side.
  const mail = await readMail(vendor, "bhavesh@mehtastore.example");
  expect(mail).toMatch(/approved/i);

  await retailer.goto("/portal/vendors");
  const card = retailer.getByRole("listitem").filter({ hasText: "Shree Ganesh Foods" });
  await expect(card.getByText("Active")).toBeVisible();
  await expect(card.getByText(/40,000/)).toBeVisible();
});
