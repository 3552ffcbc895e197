import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { amountInWords } from "@/lib/tax/amount-in-words";

const D = Prisma.Decimal;

describe("amount in words, Indian system", () => {
  it("writes the issue's example", () => {
    expect(amountInWords("123456.70")).toBe("Rupees One Lakh Twenty-Three Thousand Four Hundred Fifty-Six and Seventy Paise Only");
  });

  it("writes the reference's crore example", () => {
    expect(amountInWords("123456789.50")).toBe("Rupees Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine and Fifty Paise Only");
  });

  it("writes the issue's largest amount, 99,99,99,999.99", () => {
    expect(amountInWords("999999999.99")).toBe("Rupees Ninety-Nine Crore Ninety-Nine Lakh Ninety-Nine Thousand Nine Hundred Ninety-Nine and Ninety-Nine Paise Only");
    expect(amountInWords(new D("999999999.99"))).toBe(amountInWords("999999999.99"));
  });

  it.each([
    ["0", "Rupees Zero Only"],
    ["1", "Rupees One Only"],
    ["10", "Rupees Ten Only"],
    ["11", "Rupees Eleven Only"],
    ["19", "Rupees Nineteen Only"],
    ["20", "Rupees Twenty Only"],
    ["21", "Rupees Twenty-One Only"],
    ["40", "Rupees Forty Only"],
    ["99", "Rupees Ninety-Nine Only"],
    ["100", "Rupees One Hundred Only"],
    ["101", "Rupees One Hundred One Only"],
    ["110", "Rupees One Hundred Ten Only"],
    ["999", "Rupees Nine Hundred Ninety-Nine Only"],
    ["1000", "Rupees One Thousand Only"],
    ["1001", "Rupees One Thousand One Only"],
    ["1100", "Rupees One Thousand One Hundred Only"],
    ["20000", "Rupees Twenty Thousand Only"],
    ["99999", "Rupees Ninety-Nine Thousand Nine Hundred Ninety-Nine Only"],
    ["100000", "Rupees One Lakh Only"],
    ["100001", "Rupees One Lakh One Only"],
    ["250000", "Rupees Two Lakh Fifty Thousand Only"],
    ["1000000", "Rupees Ten Lakh Only"],
    ["9999999", "Rupees Ninety-Nine Lakh Ninety-Nine Thousand Nine Hundred Ninety-Nine Only"],
    ["10000000", "Rupees One Crore Only"],
    ["10000001", "Rupees One Crore One Only"],
    ["10100000", "Rupees One Crore One Lakh Only"],
    ["990000000", "Rupees Ninety-Nine Crore Only"],
  ])("%s → %s", (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it("writes paise, with 'and' only between rupees and paise", () => {
    expect(amountInWords("123456789.05")).toBe("Rupees Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine and Five Paise Only");
    expect(amountInWords("1.10")).toBe("Rupees One and Ten Paise Only");
    expect(amountInWords("1.99")).toBe("Rupees One and Ninety-Nine Paise Only");
    expect(amountInWords("354.00")).toBe("Rupees Three Hundred Fifty-Four Only");
  });

  it("paise alone keep the Rupees Zero prefix; one paisa is singular", () => {
    expect(amountInWords("0.50")).toBe("Rupees Zero and Fifty Paise Only");
    expect(amountInWords("0.01")).toBe("Rupees Zero and One Paisa Only");
    expect(amountInWords("5.01")).toBe("Rupees Five and One Paisa Only");
  });

  it("counts crores above 99 in the Indian system too", () => {
    expect(amountInWords("1000000000")).toBe("Rupees One Hundred Crore Only");
    expect(amountInWords("100000000000")).toBe("Rupees Ten Thousand Crore Only");
    expect(amountInWords("1000000000000")).toBe("Rupees One Lakh Crore Only");
    expect(amountInWords("100000000000000")).toBe("Rupees One Crore Crore Only");
    expect(amountInWords("12345678901234.56")).toBe(
      "Rupees Twelve Lakh Thirty-Four Thousand Five Hundred Sixty-Seven Crore Eighty-Nine Lakh One Thousand Two Hundred Thirty-Four and Fifty-Six Paise Only",
    );
  });

  it("takes a Decimal as well as a string", () => {
    expect(amountInWords(new D("123456.7"))).toBe("Rupees One Lakh Twenty-Three Thousand Four Hundred Fifty-Six and Seventy Paise Only");
    expect(amountInWords(new D(0))).toBe("Rupees Zero Only");
  });

  it("rounds more than two decimals half up to the paisa first", () => {
    expect(amountInWords("12.345")).toBe("Rupees Twelve and Thirty-Five Paise Only");
    expect(amountInWords("12.344999")).toBe("Rupees Twelve and Thirty-Four Paise Only");
    expect(amountInWords("0.005")).toBe("Rupees Zero and One Paisa Only");
    expect(amountInWords("0.004")).toBe("Rupees Zero Only");
    expect(amountInWords("99.995")).toBe("Rupees One Hundred Only");
    expect(amountInWords("9999999.999")).toBe("Rupees One Crore Only");
  });

  it("refuses negative amounts and things that are not amounts", () => {
    expect(() => amountInWords("-1")).toThrow(RangeError);
    expect(() => amountInWords("-0.004")).toThrow(RangeError);
    expect(() => amountInWords(new D("-100"))).toThrow(RangeError);
    expect(() => amountInWords("abc")).toThrow(RangeError);
    expect(() => amountInWords("Infinity")).toThrow(RangeError);
    expect(() => amountInWords("NaN")).toThrow(RangeError);
  });

  it("every amount from 0 to 2,00,000 is written without doubled spaces, dangling hyphens or zeros", () => {
    for (let n = 0; n <= 200_000; n += 7) {
      const w = amountInWords(String(n));
      expect(w).toMatch(/^Rupees [A-Z][A-Za-z -]* Only$/);
      expect(w).not.toMatch(/ {2}|- | -|-$/);
      if (n > 0) expect(w).not.toContain("Zero");
    }
  });
});
