// Calendar days for prices. Validity dates are whole days in Asia/Kolkata: IST is a fixed UTC+05:30
// (no DST), so shifting the instant and reading UTC fields gives the Indian calendar day exactly.
/** India Standard Time is UTC+05:30 all year. */
export const IST_OFFSET_MS = 330 * 60 * 1000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-11-25": the calendar day in India at this instant. */
export function istDay(at: Date): string {
  return new Date(at.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The year the Indian financial year (April–March) containing calendar day `day` begins: 2026 for 2027-03-31. */
export function financialYearStartYear(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 4 ? year : year - 1;
}

/** A YYYY-MM-DD day as the Date Prisma reads and writes for a `@db.Date` column (UTC midnight). */
export function dayToDbDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** A `@db.Date` value back to "YYYY-MM-DD" (null stays null). */
export function dbDateToDay(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

/** The instant India's day `day` begins (00:00 IST), so istDay(startOfIstDay(d)) === d. */
export function startOfIstDay(day: string): Date {
  return new Date(dayToDbDate(day).getTime() - IST_OFFSET_MS);
}

/** True for a real calendar day written YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  const m = DAY_RE.exec(day);
  if (!m) return false;
  const d = dayToDbDate(day);
  return !Number.isNaN(d.getTime()) && d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

/** Reads "2026-04-01", "01/04/2026" or "1-4-2026" (Indian day-first order) into YYYY-MM-DD, or null. */
export function parseDay(text: string): string | null {
  const s = text.trim();
  let day: string | null = null;
  if (DAY_RE.test(s)) day = s;
  else {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    if (m) day = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  }
  return day && isCalendarDay(day) ? day : null;
}

/** Whether two inclusive day ranges (null = open end) share at least one day. */
export function rangesOverlap(a: { from: string | null; to: string | null }, b: { from: string | null; to: string | null }): boolean {
  const aFrom = a.from ?? "0000-01-01";
  const aTo = a.to ?? "9999-12-31";
  const bFrom = b.from ?? "0000-01-01";
  const bTo = b.to ?? "9999-12-31";
  return aFrom <= bTo && bFrom <= aTo;
}

/** "01/04/2026 – 31/03/2027", "from 01/04/2026", "until 31/03/2027" or "always". */
export function describeRange(from: string | null, to: string | null): string {
  const f = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  if (from && to) return `${f(from)} – ${f(to)}`;
  if (from) return `from ${f(from)}`;
  if (to) return `until ${f(to)}`;
  return "always";
}
