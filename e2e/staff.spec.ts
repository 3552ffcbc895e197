import { expect, test } from "@playwright/test";
import { signIn, users } from "./helpers";

test("owner signs in, edits the company profile and adds an employee", async ({ page }) => {
  await signIn(page, users.owner);
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { name: "Welcome, Ganesh" })).toBeVisible();
  await expect(page.getByText("Shree Ganesh Foods").first()).toBeVisible();
  // The business at a glance, each figure leading to its screen.
  const glance = page.getByRole("region", { name: "Business at a glance" });
  await expect(glance).toContainText("Active retailers");
  await expect(glance).toContainText("join request waiting");
  await expect(glance).toContainText("Stock value at cost");
  await glance.getByRole("link", { name: /Need reordering/ }).click();
  await expect(page).toHaveURL(/\/inventory\/low-stock/);

  // Company profile: change the trade name and phone, save, and see it survive a reload.
  await page.goto("/settings/company");
  const tradeName = page.getByLabel("Trade name");
  const phone = page.getByLabel("Business phone");
  await expect(tradeName).toHaveValue("Shree Ganesh Foods");
  await tradeName.fill("Shree Ganesh Foods & Spices");
  await phone.fill("+91 98220 41599");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Company details saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Trade name")).toHaveValue("Shree Ganesh Foods & Spices");
  await expect(page.getByLabel("Business phone")).toHaveValue("+91 98220 41599");

  // Logo: a WebP picked in the browser is stored as a PNG (invoice PDFs print PNG and JPEG only).
  const webp = await page.evaluate(() => {
    const c = document.createElement("canvas");
    c.width = 240;
    c.height = 120;
    const g = c.getContext("2d")!;
    g.fillStyle = "#c2410c";
    g.fillRect(0, 0, 240, 120);
    g.fillStyle = "#fff";
    g.font = "bold 56px sans-serif";
    g.fillText("SG", 70, 82);
    return c.toDataURL("image/webp").split(",")[1];
  });
  await page.getByLabel("Logo", { exact: true }).setInputFiles({ name: "shree-ganesh.webp", mimeType: "image/webp", buffer: Buffer.from(webp, "base64") });
  await expect(page.getByRole("img", { name: "Company logo" })).toBeVisible();
  const stored = await page.request.get("/api/v1/company/logo");
  expect(stored.headers()["content-type"]).toBe("image/png");
  expect((await stored.body()).subarray(1, 4).toString("ascii")).toBe("PNG");
  await page.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("No logo")).toBeVisible();

  // Employees: add a warehouse assistant and find them in the list.
  await page.goto("/employees");
  await expect(page.getByText("Amit Deshpande")).toBeVisible();
  await page.getByRole("link", { name: "Add employee" }).click();
  const email = `neha.kulkarni.${Date.now()}@shreeganesh.example`;
  await page.getByLabel("Name").fill("Neha Kulkarni");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Phone").fill("+91 98230 55127");
  await page.getByLabel("Role").selectOption({ label: "Warehouse" });
  await page.getByLabel("Title").fill("Dispatch Assistant, Chakan");
  await page.getByRole("button", { name: "Add employee" }).click();
  // The form's own address (/employees/new) matches /employees too: wait until the save has moved on from it.
  await expect(page).not.toHaveURL(/\/employees\/new/, { timeout: 30_000 });
  await page.goto("/employees");
  await expect(page.getByText("Neha Kulkarni")).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
});
