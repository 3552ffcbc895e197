// What crosses to a PDF render thread comes back as the renderer needs it: Decimals with their
// methods and exact digits, Buffers as Buffers, Dates, nulls, arrays and nested objects as they were.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { fromTransfer, toTransfer } from "@/lib/pdf/transfer";

describe("toTransfer / fromTransfer", () => {
  it("survive a structured clone with Decimals, Buffers and Dates intact", () => {
    const value = {
      grandTotal: new Prisma.Decimal("123456789.05"),
      lines: [{ qty: new Prisma.Decimal("0.001"), rate: new Prisma.Decimal("-18"), note: null }],
      logo: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      issuedAt: new Date("2026-12-06T10:00:00Z"),
      seller: { gstin: "27AAACS1234F1Z5", address: { pin: "400001" } },
      flags: [true, 0, "x"],
    };
    const back = fromTransfer(structuredClone(toTransfer(value))) as typeof value;
    expect(Prisma.Decimal.isDecimal(back.grandTotal)).toBe(true);
    expect(back.grandTotal.toFixed(2)).toBe("123456789.05");
    expect(back.lines[0].qty.plus(1).toString()).toBe("1.001");
    expect(back.lines[0].rate.isNegative()).toBe(true);
    expect(back.lines[0].note).toBeNull();
    expect(Buffer.isBuffer(back.logo)).toBe(true);
    expect(back.logo.equals(value.logo)).toBe(true);
    expect(back.issuedAt).toEqual(value.issuedAt);
    expect(back.seller).toEqual(value.seller);
    expect(back.flags).toEqual(value.flags);
  });

  it("leave an object that only looks like a marker with other keys alone", () => {
    const value = { $decimal: "1", other: 2 };
    expect(fromTransfer(structuredClone(toTransfer(value)))).toEqual(value);
  });
});
