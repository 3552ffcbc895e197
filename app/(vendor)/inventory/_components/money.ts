// Exact rupee arithmetic for on-screen totals (quantity × unit cost) without JS floats.

function toUnits(v: string, places: number): bigint | null {
  const s = v.trim().replace(/,/g, "");
  const m = /^(\d{1,12})(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] ?? "").length > places) return null;
  return BigInt(m[1] + (m[2] ?? "").padEnd(places, "0"));
}

/** quantity (≤ 3 dp) × unit cost (≤ 2 dp) in rupees with 2 decimals, half up; null if either is not a number. */
export function lineAmount(quantity: string | undefined | null, unitCost: string | undefined | null): string | null {
  if (!quantity || !unitCost) return null;
  const q = toUnits(quantity, 3);
  const c = toUnits(unitCost, 2);
  if (q === null || c === null) return null;
  const milliPaise = q * c; // 1/1000 unit × 1/100 rupee
  const paise = (milliPaise + 500n) / 1000n;
  return `${paise / 100n}.${String(paise % 100n).padStart(2, "0")}`;
}

export function sumAmounts(amounts: (string | null)[]): string {
  let paise = 0n;
  for (const a of amounts) if (a) paise += BigInt(a.replace(".", ""));
  return `${paise / 100n}.${String(paise % 100n).padStart(2, "0")}`;
}

/** counted − expected for quantities with ≤ 3 decimals, as a decimal string; null if counted is not a quantity. */
export function qtyDifference(counted: string, expected: string): string | null {
  const c = toUnits(counted, 3);
  const e = toUnits(expected, 3);
  if (c === null || e === null) return null;
  const d = c - e;
  const abs = d < 0n ? -d : d;
  return `${d < 0n ? "-" : ""}${abs / 1000n}.${String(abs % 1000n).padStart(3, "0")}`;
}
