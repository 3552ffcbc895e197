// A credit note is seen as it will read before it is issued: the accountant picks a returned quantity,
// the confirm step shows the note (its series and number, the invoice it corrects, the total), and the
// issued note carries that number and total.
import { expect, test } from "@playwright/test";
import { signedIn, users } from "./helpers";

test("a credit note is previewed in the confirm step and issued with the previewed number and total", async ({ browser }) => {
  test.setTimeout(90_000);
  const staff = await signedIn(browser, users.owner);
  // The first listed invoice that can still be credited (not cancelled, not fully credited, and with its IRN
  // when it needs one: the newest demo bills may still be waiting for theirs while the seed's jobs run).
  await staff.goto("/invoices?type=invoice");
  const links = staff.getByRole("link", { name: /^INV\/\d{2}-\d{2}\/\d{6}$/ });
  await links.first().waitFor();
  const candidates: { href: string; number: string }[] = [];
  for (let i = 0; i < await links.count(); i++) candidates.push({ href: (await links.nth(i).getAttribute("href"))!, number: (await links.nth(i).innerText()).trim() });
  let invoiceNumber = "";
  for (const c of candidates) {
    await staff.goto(c.href);
    await expect(staff.getByRole("heading", { level: 1 })).toContainText(c.number);
    if ((await staff.getByRole("link", { name: "Credit note", exact: true }).count()) === 0) continue;
    invoiceNumber = c.number;
    break;
  }
  expect(invoiceNumber, "an invoice that can be credited").not.toBe("");
  await staff.getByRole("link", { name: "Credit note", exact: true }).click();
  await expect(staff).toHaveURL(/\/credit-note$/);

  await staff.getByRole("combobox", { name: "How to correct line 1" }).selectOption("quantity");
  await staff.getByRole("textbox", { name: "Quantity for line 1" }).fill("1");
  await staff.getByRole("button", { name: "Issue credit note…" }).click();

  const dialog = staff.getByRole("dialog");
  const doc = dialog.getByRole("region", { name: /^Preview of credit note CN\// });
  await expect(doc).toBeVisible();
  await expect(doc.getByText(invoiceNumber)).toBeVisible();
  const total = (await doc.locator("dt", { hasText: /^Total$/ }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
  const confirm = dialog.getByRole("button", { name: /^Issue credit note CN\// });
  const [, number, confirmTotal] = /^Issue credit note (\S+) for (.+)$/.exec((await confirm.innerText()).trim())!;
  expect(confirmTotal).toBe(total);
  await confirm.click();

  await expect(staff.getByRole("heading", { level: 1 })).toContainText(number);
  await expect(staff.locator("main dt", { hasText: /^Total$/ }).first().locator("xpath=following-sibling::dd[1]")).toHaveText(total);
});
