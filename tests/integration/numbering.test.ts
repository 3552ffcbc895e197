// Document numbers come from a counter row per company, series and financial year: consecutive,
// gapless when a transaction rolls back, per company, restarting each April, and continuing after
// documents that were there before the counter (bulk loads, data from before the counters).
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { nextDocumentNumber } from "@/lib/inventory/numbering";
import { createCompany } from "../support/factories";

const take = (companyId: string, date: Date) => prisma.$transaction((tx) => nextDocumentNumber(tx, { companyId, prefix: "GRN", date }));

describe("document numbering", () => {
  it("counts per company and financial year, and gives a rolled-back number back", async () => {
    const [a, b] = [await createCompany(), await createCompany()];
    const june = new Date("2025-06-10T06:00:00Z");
    expect(await take(a.id, june)).toBe("GRN/25-26/00001");
    expect(await take(a.id, june)).toBe("GRN/25-26/00002");
    expect(await take(b.id, june)).toBe("GRN/25-26/00001");
    await expect(
      prisma.$transaction(async (tx) => {
        await nextDocumentNumber(tx, { companyId: a.id, prefix: "GRN", date: june });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await take(a.id, june)).toBe("GRN/25-26/00003");
    // 1 April 2026 00:10 IST is the next financial year.
    expect(await take(a.id, new Date("2026-03-31T18:40:00Z"))).toBe("GRN/26-27/00001");
    expect(await take(a.id, new Date("2026-03-31T18:20:00Z"))).toBe("GRN/25-26/00004");
  });

  it("gives 40 concurrent documents 40 distinct consecutive numbers", async () => {
    const c = await createCompany();
    const date = new Date("2025-09-01T06:00:00Z");
    const numbers = await Promise.all(Array.from({ length: 40 }, () => take(c.id, date)));
    expect([...numbers].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `GRN/25-26/${String(i + 1).padStart(5, "0")}`));
  });

  it("continues after documents that exist without a counter", async () => {
    const c = await createCompany();
    const wh = await prisma.warehouse.create({ data: { companyId: c.id, code: "MAIN", name: "Main", stateCode: "27" } });
    await prisma.goodsReceipt.create({ data: { companyId: c.id, number: "GRN/25-26/00041", warehouseId: wh.id, receivedAt: new Date("2025-05-01T06:00:00Z") } });
    expect(await take(c.id, new Date("2025-07-01T06:00:00Z"))).toBe("GRN/25-26/00042");
    expect(await take(c.id, new Date("2025-07-01T06:00:00Z"))).toBe("GRN/25-26/00043");
  });
});
