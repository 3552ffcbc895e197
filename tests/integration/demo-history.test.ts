// The demo's year of trade (scripts/demo-catalog/seed-history.ts) for one vendor on a fresh tenant:
// bills on most weeks of 13 months, more in the festive months than in the monsoon, none on the
// demo's last three weeks; numbered per financial year in date order; the sales rollups equal the
// invoice lines for every grouping; the month's receipts settle the bills except a few overdue;
// running it again writes nothing.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { makeGstin } from "@/lib/demo/gstin-fixtures";
import { getSalesReport } from "@/lib/reporting/sales/get-sales-report";
import { istDay } from "@/lib/pricing/dates";
import { accountants } from "@/scripts/demo-catalog/seed-billing";
import { HISTORY_TO_DAYS, seedHistory } from "@/scripts/demo-catalog/seed-history";
import { createProduct } from "../support/catalog-factories";
import { createCompany, createStaff, randomPan } from "../support/factories";

const NOW = new Date("2026-12-06T06:30:00Z");

describe("demo history", () => {
  it("a year of bills with seasons, paid month by month, equal in rollups and lines, once", { timeout: 600_000 }, async () => {
    const company = await createCompany({ stateCode: "29" });
    const staff = await createStaff(company.id, "ACCOUNTANT");
    const owner = await createStaff(company.id, "OWNER");
    for (let i = 0; i < 12; i++) await createProduct(company.id, { hsnCode: i % 2 ? "63026000" : "63049190", gstRate: i % 3 ? "5" : "12", basePrice: String(400 + 90 * i), costPrice: String(300 + 60 * i) });
    const retailerIds = new Map<string, string>();
    for (const [key, limit, days] of [["freshmart", "5000000", 30], ["annapoorna", "5000000", 30]] as const) {
      const pan = randomPan("F");
      const r = await prisma.retailer.create({ data: { legalName: `History ${key} ${pan}`, gstin: makeGstin("29", pan), pan, stateCode: "29", addressLine1: "Peenya 2nd Stage", city: "Bengaluru", pincode: "560058" } });
      await prisma.connection.create({ data: { companyId: company.id, retailerId: r.id, status: "ACTIVE", placeOfSupply: "29", creditLimit: limit, paymentTermsDays: days, activatedAt: new Date("2024-01-01") } });
      retailerIds.set(key, r.id);
    }
    const ids = { companyIds: new Map([["KCDB", company.id]]), userIds: new Map([[accountants.KCDB!, staff.user.id]]), retailerIds };
    await seedHistory(prisma, ids, NOW);

    const invoices = await prisma.invoice.findMany({ where: { companyId: company.id }, select: { type: true, number: true, financialYear: true, issueDate: true, status: true, grandTotal: true, settledAmount: true, dueDate: true }, orderBy: { issueDate: "asc" } });
    const bills = invoices.filter((i) => i.type === "INVOICE");
    expect(bills.length).toBeGreaterThan(30);
    const last = istDay(new Date(NOW.getTime() - HISTORY_TO_DAYS * 86_400_000));
    expect(bills.every((b) => b.issueDate.toISOString().slice(0, 10) <= last)).toBe(true);
    // Each financial year's series runs in date order.
    for (const fy of new Set(bills.map((b) => b.financialYear))) {
      const numbers = bills.filter((b) => b.financialYear === fy).map((b) => b.number);
      expect(numbers).toEqual([...numbers].sort());
    }
    expect(new Set(bills.map((b) => b.financialYear)).size).toBe(2);

    const ctx = owner.ctx;
    const range = { from: "2025-11-01", to: "2026-12-06" };
    for (const groupBy of ["month", "retailer", "product", "hsn", "week"] as const) {
      const fast = await getSalesReport(ctx, { ...range, groupBy, limit: 1000 });
      const slow = await getSalesReport(ctx, { ...range, groupBy, limit: 1000 }, { source: "lines" });
      expect(fast).toEqual(slow);
    }
    const byMonth = await getSalesReport(ctx, { ...range, groupBy: "month" });
    const sum = (months: string[], f: (g: (typeof byMonth.groups)[number]) => number) => byMonth.groups.filter((g) => months.includes(g.key)).reduce((n, g) => n + f(g), 0);
    expect(byMonth.groups.filter((g) => Number(g.taxable) > 0).length).toBeGreaterThanOrEqual(12);
    // Navratri and Diwali (September–November) against the monsoon (June–August): more bills, more sales.
    const festive = ["2026-09", "2026-10", "2026-11"];
    const monsoon = ["2026-06", "2026-07", "2026-08"];
    expect(sum(festive, (g) => g.documents)).toBeGreaterThan(sum(monsoon, (g) => g.documents) * 1.3);
    expect(sum(festive, (g) => Number(g.taxable))).toBeGreaterThan(sum(monsoon, (g) => Number(g.taxable)));
    // Sundays nearly shut.
    const sundays = bills.filter((b) => b.issueDate.getUTCDay() === 0).length;
    expect(sundays).toBeLessThan(bills.length / 20);

    // Paid month by month: everything settled but a few overdue bills of the larger buyer and what is not yet due.
    const open = bills.filter((b) => b.settledAmount.lt(b.grandTotal));
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(bills.length / 5);
    expect(await prisma.payment.count({ where: { companyId: company.id } })).toBeGreaterThan(10);

    // Again: nothing new.
    await seedHistory(prisma, ids, NOW);
    expect(await prisma.invoice.count({ where: { companyId: company.id } })).toBe(invoices.length);
  });
});
