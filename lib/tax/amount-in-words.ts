// An invoice amount in words, in the Indian numbering system (thousand, lakh = 10^5,
// crore = 10^7): 123456.70 → "Rupees One Lakh Twenty-Three Thousand Four Hundred Fifty-Six and
// Seventy Paise Only".
//
// Choices (documented because invoices print them):
// - The amount is rounded half up to the paisa first (12.345 → 12.35), as every other money
//   amount in lib/tax is; more decimals than that never reach a printed invoice.
// - Tens are hyphenated ("Twenty-Three"), no "and" inside the rupees ("One Hundred One"); the only
//   "and" joins rupees to paise.
// - Above 99 crore the count of crores is itself written in the Indian system, as Indian
//   cheques and invoices do: 10^9 → "One Hundred Crore", 10^11 → "Ten Thousand Crore",
//   10^12 → "One Lakh Crore".
// - "Rupees" always leads, even for one rupee or for none: "Rupees One Only", "Rupees Zero Only",
//   "Rupees Zero and Fifty Paise Only" (the words field keeps one shape, which is what a reader
//   scanning a column of invoices expects). One paisa is "One Paisa"; any other count is "Paise".
// - Negative amounts are refused: a credit note states a positive amount of its own.
import { Prisma } from "@/lib/generated/prisma/client";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;

const ONES = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"];
const TENS = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"];

const CRORE = BigInt(10_000_000);
const LAKH = BigInt(100_000);
const THOUSAND = BigInt(1000);
const HUNDRED = BigInt(100);

export function amountInWords(amount: Decimal | string): string {
  let value: Decimal;
  try {
    value = new D(amount);
  } catch {
    throw new RangeError(`Not an amount: ${String(amount)}`);
  }
  if (!value.isFinite()) throw new RangeError(`Not an amount: ${String(amount)}`);
  if (value.lt(0)) throw new RangeError("An amount in words cannot be negative");

  const [rupeePart, paisePart] = value.toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2).split(".");
  const rupees = BigInt(rupeePart!);
  const paise = Number(paisePart);

  const rupeeWords = rupees === BigInt(0) ? "Zero" : wholeNumber(rupees);
  if (paise === 0) return `Rupees ${rupeeWords} Only`;
  return `Rupees ${rupeeWords} and ${belowHundred(paise)} ${paise === 1 ? "Paisa" : "Paise"} Only`;
}

/** A positive whole number in Indian words; crores above 99 recurse ("One Lakh Crore"). */
function wholeNumber(n: bigint): string {
  const words: string[] = [];
  if (n >= CRORE) {
    words.push(wholeNumber(n / CRORE), "Crore");
    n %= CRORE;
  }
  for (const [unit, name] of [[LAKH, "Lakh"], [THOUSAND, "Thousand"]] as const) {
    if (n >= unit) {
      words.push(belowHundred(Number(n / unit)), name);
      n %= unit;
    }
  }
  if (n >= HUNDRED) {
    words.push(ONES[Number(n / HUNDRED)]!, "Hundred");
    n %= HUNDRED;
  }
  if (n > BigInt(0)) words.push(belowHundred(Number(n)));
  return words.join(" ");
}

function belowHundred(n: number): string {
  if (n < 20) return ONES[n]!;
  const tens = TENS[Math.floor(n / 10)]!;
  return n % 10 === 0 ? tens : `${tens}-${ONES[n % 10]}`;
}
