// Rupee amounts as whole paise (bigint) for forms that add up or split amounts in the browser,
// e.g. the payment form's oldest-first preview. Never a float; the server recomputes everything.

/** "1,234.5" → 123450n; null when it is not an amount with at most 2 decimals. */
export function toPaise(text: string): bigint | null {
  const s = text.trim().replace(/,/g, "");
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? "").padEnd(2, "0"));
}

/** 123450n → "1234.50" (negative keeps its sign). */
export function fromPaise(p: bigint): string {
  const neg = p < 0n;
  const abs = neg ? -p : p;
  return `${neg ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** Splits `amount` over `open` amounts in order (oldest first): each gets at most what is open on it. */
export function splitOldestFirst(amount: bigint, open: bigint[]): bigint[] {
  let left = amount;
  return open.map((o) => {
    const take = left < o ? left : o;
    left -= take > 0n ? take : 0n;
    return take > 0n ? take : 0n;
  });
}
