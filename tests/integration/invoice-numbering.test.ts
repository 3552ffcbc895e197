// Invoice numbers under concurrency: 50 invoices issued at once for one company get 50 distinct,
// consecutive numbers from 1 with no gap, and a failed issue gives its number back.
import { describe, expect, it } from "vitest";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { makeCtx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { orderShop, stockedProduct } from "../support/order-factories";

// Enough connections that the transactions really race in PostgreSQL instead of queueing in the pool.
process.env.DATABASE_POOL_SIZE = process.env.DATABASE_POOL_SIZE ?? "25";

describe("invoice numbering under concurrency", () => {
  it("50 parallel issues → INV/yy-yy/000001 … 000050, no gaps, no duplicates", { timeout: 120_000 }, async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, { hsnCode: "84713010" });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => issueInvoice(makeCtx(shop.owner), { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] })),
    );
    const numbers = results.map((r) => r.number);
    expect(new Set(numbers).size).toBe(50);
    const fy = results[0]!.financialYear;
    expect(numbers.every((n) => n.startsWith(`INV/${fy}/`))).toBe(true);
    expect(numbers.map((n) => Number(n.split("/")[2])).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await prisma.invoice.count({ where: { companyId: shop.co } })).toBe(50);
  });

  it("a failing issue in the middle of parallel ones leaves no gap", { timeout: 60_000 }, async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 0, { hsnCode: "84713010" });
    const good = { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] };
    // Discount above the line's value fails inside the transaction, after validation of the body.
    const bad = { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1", discount: "1000" }] };
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => issueInvoice(makeCtx(shop.owner), i % 5 === 2 ? bad : good)));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failed).toHaveLength(4);
    for (const f of failed) expect((f.reason as AppError).code).toBe("validation");
    const rows = await prisma.invoice.findMany({ where: { companyId: shop.co }, select: { number: true } });
    expect(rows.map((r) => Number(r.number.split("/")[2])).sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });
});
