// Display formatting for money and dates. Pure, no Intl time-zone dependency for dates: IST is
// a fixed UTC+05:30 (no DST), so shifting the instant and reading UTC fields is exact and gives
// the same output on server, browser and CI regardless of ICU version ("Sep" vs "Sept").

export type Decimalish = string | number | bigint | { toString(): string };

export type FormatINROptions = {
  /** Prefix with "₹" (default true). */
  symbol?: boolean;
  /** Fraction digits (default 2). Rounds half away from zero. */
  decimals?: number;
};

/**
 * "₹1,23,456.00" — Indian digit grouping (last three, then pairs), fixed decimals, minus sign
 * before the symbol ("-₹1,234.50"). Decimal strings and Prisma Decimals are formatted by string
 * arithmetic, so "12345678901234.56" comes out exactly; JS numbers are formatted from their
 * shortest round-trip string.
 */
export function formatINR(value: Decimalish, opts: FormatINROptions = {}): string {
  const { symbol = true, decimals = 2 } = opts;
  const { negative, int, frac } = roundDecimal(parseDecimal(value), decimals);
  const isZero = /^0*$/.test(int + frac);
  const body = groupIndian(int) + (decimals > 0 ? `.${frac}` : "");
  return `${negative && !isZero ? "-" : ""}${symbol ? "₹" : ""}${body}`;
}

/** Indian grouping of a plain number without symbol: "1,23,456.00". */
export function formatIndianNumber(value: Decimalish, decimals = 2): string {
  return formatINR(value, { symbol: false, decimals });
}

export type DateInput = Date | string | number;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const IST_OFFSET_MS = 330 * 60 * 1000;

/** "24 Nov 2026" in Asia/Kolkata. */
export function formatDate(date: DateInput): string {
  const d = istFields(date);
  return `${d.day} ${MONTHS[d.month]} ${d.year}`;
}

/** "24 Nov 2026, 3:05 pm" in Asia/Kolkata. */
export function formatDateTime(date: DateInput): string {
  const d = istFields(date);
  const h12 = d.hour % 12 === 0 ? 12 : d.hour % 12;
  const mm = String(d.minute).padStart(2, "0");
  return `${formatDate(date)}, ${h12}:${mm} ${d.hour < 12 ? "am" : "pm"}`;
}

/** "3:05 pm" in Asia/Kolkata. */
export function formatTime(date: DateInput): string {
  return formatDateTime(date).split(", ")[1];
}

/**
 * A time on a day's plan (a stop's ETA, its window): "3:05 pm" when it falls on `day` (YYYY-MM-DD,
 * the trip's date), else with its date, "12:14 pm, 7 Dec" — a long run that goes past midnight.
 */
export function formatEta(date: DateInput, day: string): string {
  const d = istFields(date);
  const same = `${d.year}-${String(d.month + 1).padStart(2, "0")}-${String(d.day).padStart(2, "0")}` === day;
  return same ? formatTime(date) : `${formatTime(date)}, ${d.day} ${MONTHS[d.month]}`;
}

/**
 * "just now", "5 min ago", "3 h ago", "yesterday", "in 2 days"; beyond a week, the date.
 * `now` is a parameter so server code can pass its clock and tests stay deterministic.
 */
export function formatRelative(date: DateInput, now: DateInput = new Date()): string {
  const diffMs = toDate(now).getTime() - toDate(date).getTime();
  const future = diffMs < 0;
  const abs = Math.abs(diffMs);
  const min = Math.floor(abs / 60_000);
  const phrase = (s: string) => (future ? `in ${s}` : `${s} ago`);
  if (min < 1) return "just now";
  if (min < 60) return phrase(`${min} min`);
  const hours = Math.floor(min / 60);
  if (hours < 24) return phrase(`${hours} h`);
  const days = Math.round(
    (istDayNumber(future ? date : now) - istDayNumber(future ? now : date)),
  );
  if (days <= 1) return future ? "tomorrow" : "yesterday";
  if (days < 7) return phrase(`${days} days`);
  return formatDate(date);
}

// ---------------------------------------------------------------------------------------------

type ParsedDecimal = { negative: boolean; int: string; frac: string };

function parseDecimal(value: Decimalish): ParsedDecimal {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new RangeError(`formatINR: not a finite number (${value})`);
  }
  const raw = String(value).trim().replace(/,/g, "");
  const m = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(raw);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) {
    throw new RangeError(`formatINR: not a decimal number ("${raw}")`);
  }
  let int = m[2] ?? "";
  let frac = m[3] ?? "";
  const exp = m[4] ? Number.parseInt(m[4], 10) : 0;
  // Shift the decimal point for exponent notation (Decimal.js / Number give "1e+21", "5e-7").
  if (exp > 0) {
    const digits = int + frac.padEnd(exp, "0");
    int = digits.slice(0, int.length + exp);
    frac = digits.slice(int.length);
  } else if (exp < 0) {
    const padded = int.padStart(-exp + 1, "0");
    frac = padded.slice(padded.length + exp) + frac;
    int = padded.slice(0, padded.length + exp);
  }
  int = int.replace(/^0+/, "") || "0";
  return { negative: m[1] === "-", int, frac };
}

/** Round half away from zero to `decimals` places, on digit strings. */
function roundDecimal(d: ParsedDecimal, decimals: number): ParsedDecimal {
  const frac = d.frac.padEnd(decimals + 1, "0");
  let kept = d.int + frac.slice(0, decimals);
  if (frac.charCodeAt(decimals) >= 53 /* '5' */) kept = incrementDigits(kept);
  const intLen = kept.length - decimals;
  return {
    negative: d.negative,
    int: kept.slice(0, intLen).replace(/^0+/, "") || "0",
    frac: kept.slice(intLen),
  };
}

function incrementDigits(digits: string): string {
  const arr = digits.split("");
  for (let i = arr.length - 1; i >= 0; i--) {
    if (arr[i] === "9") {
      arr[i] = "0";
    } else {
      arr[i] = String.fromCharCode(arr[i]!.charCodeAt(0) + 1);
      return arr.join("");
    }
  }
  return "1" + arr.join("");
}

function groupIndian(int: string): string {
  if (int.length <= 3) return int;
  const last3 = int.slice(-3);
  const rest = int.slice(0, -3);
  return rest.replace(/\B(?=(\d{2})+(?!\d))/g, ",") + "," + last3;
}

function toDate(date: DateInput): Date {
  const d = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid date: ${String(date)}`);
  return d;
}

function istFields(date: DateInput) {
  const shifted = new Date(toDate(date).getTime() + IST_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

function istDayNumber(date: DateInput): number {
  return Math.floor((toDate(date).getTime() + IST_OFFSET_MS) / 86_400_000);
}

/** A quantity without needless zeros, Indian grouping: "1,250", "2.5", "0.125"; with a unit: "12 PCS". */
export function formatQuantity(value: Decimalish, unit?: string | null): string {
  const { negative, int, frac } = roundDecimal(parseDecimal(value), 3);
  const f = frac.replace(/0+$/, "");
  const body = groupIndian(int) + (f ? `.${f}` : "");
  const text = `${negative && (int + f).replace(/0/g, "") ? "-" : ""}${body}`;
  return unit ? `${text} ${unit}` : text;
}

/** A decimal quantity as typed into an input: "12.500" → "12.5", "20.000" → "20" (no grouping). */
export function plainQuantity(q: string): string {
  return q.includes(".") ? q.replace(/\.?0+$/, "") : q;
}
