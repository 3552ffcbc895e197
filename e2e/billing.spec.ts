// Billing as an accountant lives it: a packed order is invoiced from the order page, then dispatched,
// the invoice PDF opens, the retailer's payment is recorded against it and what the retailer owes
// falls by exactly that amount; the retailer sees the invoice and the statement in the portal.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { outstandingOf, rupees, signedIn, users } from "./helpers";

test("a packed order is invoiced and dispatched; the PDF opens; the payment is recorded and the outstanding falls by it", async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await signedIn(browser, users.owner);

  // A confirmed order of the demo is packed and goes out (today's beat's packed orders are already invoiced and
  // on shipments; only when no confirmed order is left, e.g. on a retry, a packed one is taken).
  const soLink = staff.getByRole("link", { name: /^SO\/\d{2}-\d{2}\/\d{6}$/ }).first();
  await staff.goto("/orders?status=confirmed");
  // The list streams in after the page's skeleton: look only once its rows or its empty state are there.
  await expect(soLink.or(staff.getByText("Nothing to pack"))).toBeVisible();
  const packed = !(await soLink.isVisible());
  if (packed) await staff.goto("/orders?status=packed");
  const orderNumber = (await soLink.innerText()).trim();
  await soLink.click();
  await expect(staff.getByRole("heading", { name: orderNumber })).toBeVisible();
  if (!packed) {
    await staff.getByRole("button", { name: "Mark packed", exact: true }).click();
    await staff.getByRole("dialog").getByRole("button", { name: "Mark packed", exact: true }).click();
    await expect(staff.getByRole("dialog")).toBeHidden();
  }
  const orderUrl = staff.url();

  // The tax invoice before the goods leave (CGST Act s. 31): invoice what is left, from the order page.
  await staff.getByRole("link", { name: "Create invoice" }).click();
  // Before anything is issued, the invoice as it will read: the server's totals, redone when a quantity changes.
  const inline = staff.getByRole("region", { name: /^Preview of tax invoice INV\// });
  const totalOf = (doc: typeof inline) => doc.locator("dt", { hasText: /^Total$/ }).locator("xpath=following-sibling::dd[1]").first();
  await expect(totalOf(inline)).toHaveText(/^₹/);
  const previewTotal = (await totalOf(inline).innerText()).trim();
  await expect(inline.getByRole("table", { name: "Tax by GST rate" })).toBeVisible();
  const qty = staff.getByRole("textbox", { name: /^Quantity to invoice,/ }).first();
  const all = await qty.inputValue();
  if (Number(all) > 1) {
    await qty.fill(String(Number(all) - 1));
    await expect(totalOf(inline)).not.toHaveText(previewTotal);
    await qty.fill(all);
    await expect(totalOf(inline)).toHaveText(previewTotal);
  }
  // The confirm step shows the same document and names the number it takes; only its button issues.
  await staff.getByRole("button", { name: "Issue invoice…" }).click();
  const confirmDialog = staff.getByRole("dialog");
  await expect(totalOf(confirmDialog.getByRole("region", { name: /^Preview of tax invoice/ }))).toHaveText(previewTotal);
  const confirm = confirmDialog.getByRole("button", { name: /^Issue invoice INV\// });
  const [, previewNumber, confirmTotal] = /^Issue invoice (\S+) for (.+)$/.exec((await confirm.innerText()).trim())!;
  expect(confirmTotal).toBe(previewTotal);
  await confirm.click();
  await expect(staff).toHaveURL(/\/invoices\/[^/]+$/);
  const title = (await staff.getByRole("heading", { level: 1 }).innerText()).trim();
  const invoiceNumber = title.match(/INV\/\d{2}-\d{2}\/\d{6}/)?.[0];
  expect(invoiceNumber, title).toBeTruthy();
  // The issued invoice carries the previewed number and grand total.
  expect(invoiceNumber).toBe(previewNumber);
  await expect(totalOf(staff.locator("main"))).toHaveText(previewTotal);
  expect(invoiceNumber!.length).toBeLessThanOrEqual(16);
  await expect(staff.getByText(orderNumber).first()).toBeVisible();
  await expect(staff.getByText(/^Rupees .+ Only$/).first()).toBeVisible();
  const invoiceUrl = staff.url();

  // Invoiced: now the order can be dispatched.
  await staff.goto(orderUrl);
  await staff.getByRole("button", { name: "Dispatch", exact: true }).click();
  const dialog = staff.getByRole("dialog");
  await dialog.getByRole("button", { name: "Dispatch", exact: true }).click();
  await expect(dialog).toBeHidden();
  await staff.goto(invoiceUrl);

  // The PDF opens: a real PDF, named after the invoice.
  const pdfHref = await staff.getByRole("link", { name: "Download PDF" }).getAttribute("href");
  const pdf = await staff.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  expect(pdf.headers()["content-disposition"]).toContain(invoiceNumber!.replaceAll("/", "-"));
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // What the retailer owes before the payment, and the invoice's total.
  await staff.getByRole("link", { name: "Record payment" }).click();
  await staff.waitForURL(/\/payments\/new\?retailer=[^&]+/);
  const connectionId = new URL(staff.url()).searchParams.get("retailer")!;
  const before = await outstandingOf(staff, connectionId);
  await staff.goto(invoiceUrl);
  // The header reads "<retailer> · <date> · ₹12,345.00".
  const description = await staff.getByText(/ · ₹[\d,]+\.\d{2}$/).first().innerText();
  const total = rupees(description.split(" · ").at(-1)!);
  expect(total).toBeGreaterThan(0);

  // Record the payment by UPI, allocated oldest first.
  await staff.getByRole("link", { name: "Record payment" }).click();
  await staff.waitForURL(/\/payments\/new\?retailer=[^&]+/);
  await staff.getByLabel("Amount (₹)").fill(total.toFixed(2));
  await staff.getByLabel("Method").selectOption("UPI");
  await staff.getByLabel(/UPI reference/).fill("431298765012");
  await staff.getByRole("button", { name: "Record payment" }).click();
  await expect(staff).toHaveURL(/\/payments\/[^/?]+\?done=recorded/);
  await expect(staff.getByText(/RCT\/\d{2}-\d{2}\/\d{6}/).first()).toBeVisible();

  const after = await outstandingOf(staff, connectionId);
  expect(Math.round((before - after) * 100)).toBe(Math.round(total * 100));

  // Shree Ganesh e-invoices: the background job got an IRN from the (sandbox) IRP.
  await expect(async () => {
    await staff.goto(invoiceUrl);
    await expect(staff.getByText("IRN generated").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await staff.getByRole("button", { name: "View IRP JSON" }).click();
  const json = staff.getByRole("dialog");
  await expect(json).toContainText("Version");
  await expect(json).toContainText("SellerDtls");
  await expect(json).toContainText(invoiceNumber!);
  await json.getByRole("button", { name: "Close", exact: true }).last().click();
  await expect(json).toBeHidden();

  // Within 24 hours the invoice can still be cancelled with its IRN; the payment goes back on account,
  // so what the retailer owes falls by the invoice once more.
  await staff.getByRole("button", { name: "Cancel invoice" }).click();
  const cancel = staff.getByRole("dialog");
  await cancel.getByLabel("Reason").selectOption("2");
  await cancel.getByLabel("Remark").fill("Wrong retailer reference on the bill");
  await cancel.getByRole("button", { name: "Cancel invoice" }).click();
  await expect(staff.getByText("Data entry mistake: Wrong retailer reference on the bill").first()).toBeVisible();
  const afterCancel = await outstandingOf(staff, connectionId);
  expect(Math.round((before - afterCancel) * 100)).toBe(Math.round(2 * total * 100));
});

test("the retailer sees its invoices and its statement per vendor, and downloads both PDFs", async ({ browser }) => {
  const retailer = await signedIn(browser, users.retailer);
  await retailer.goto("/portal/invoices");
  const first = retailer.getByRole("link", { name: /^(INV|CN|DN)\/\d{2}-\d{2}\/\d{6}$/ }).first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(retailer.getByText(/^Rupees .+ Only$/).first()).toBeVisible();
  const href = await retailer.getByRole("link", { name: /PDF/ }).first().getAttribute("href");
  const pdf = await retailer.request.get(href!);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");

  await retailer.goto("/portal/statement");
  await expect(retailer.getByText("Shree Ganesh", { exact: false }).first()).toBeVisible();
  await expect(retailer.getByText(/^Closing balance on/).first()).toBeVisible();
  const statementPdf = await retailer.getByRole("link", { name: /PDF/ }).first().getAttribute("href");
  expect((await retailer.request.get(statementPdf!)).headers()["content-type"]).toContain("application/pdf");
});

test("the accountant downloads the PDFs of the filtered invoices list as one ZIP", async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await signedIn(browser, users.owner);
  await staff.setViewportSize({ width: 1366, height: 768 });
  await staff.goto("/invoices?type=invoice");
  const first = staff.getByRole("link", { name: /^INV\/\d{2}-\d{2}\/\d{6}$/ }).first();
  const number = (await first.innerText()).trim();
  // Narrowed by the search filter to that one invoice: the ZIP takes exactly the list's filters.
  await staff.goto(`/invoices?type=invoice&q=${encodeURIComponent(number)}`);
  const zipLink = staff.getByRole("link", { name: /^Download PDFs \(ZIP\)/ });
  await expect(zipLink).toHaveText("Download PDFs (ZIP)");
  expect(await zipLink.getAttribute("href")).toBe(`/api/v1/invoices/pdfs?${new URLSearchParams({ type: "invoice", q: number })}`);
  await staff.screenshot({ path: "test-results/invoices-zip-1366.png" });
  const [download] = await Promise.all([staff.waitForEvent("download"), zipLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^invoices-\d{4}-\d{2}-\d{2}\.zip$/);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
  expect(bytes.toString("latin1")).toContain(`${number.replaceAll("/", "-")}.pdf`);
  await staff.setViewportSize({ width: 390, height: 844 });
  await expect(zipLink).toBeVisible();
  await staff.screenshot({ path: "test-results/invoices-zip-390.png" });
});
