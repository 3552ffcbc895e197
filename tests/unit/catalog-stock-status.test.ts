import { describe, expect, it } from "vitest";
import { stockStatusOf } from "@/lib/catalog/stock-status";
import { Prisma } from "@/lib/generated/prisma/client";

describe("stockStatusOf", () => {
  it("is out when nothing is available, low at or under the reorder level, else in stock", () => {
    expect(stockStatusOf("0", "10")).toBe("out");
    expect(stockStatusOf(-2, 0)).toBe("out");
    expect(stockStatusOf("0.001", "10")).toBe("low");
    expect(stockStatusOf("10", "10")).toBe("low");
    expect(stockStatusOf("10.001", "10")).toBe("in_stock");
    expect(stockStatusOf(1, 0)).toBe("in_stock");
  });

  it("compares decimals exactly, whatever the input type", () => {
    expect(stockStatusOf(new Prisma.Decimal("2.5"), "2.500")).toBe("low");
    expect(stockStatusOf("0.3", new Prisma.Decimal(0.1).plus(0.2))).toBe("low");
    expect(stockStatusOf("12345678901.123", "12345678901.122")).toBe("in_stock");
  });
});
