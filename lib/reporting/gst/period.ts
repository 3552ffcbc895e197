// A GST return period as the portal names it: `fp` = MMYYYY. A monthly return covers that month; a
// quarterly (QRMP) return is asked for by the quarter's last month (062025 = April–June 2025) and
// covers the three months ending there. Pure: no clock, no database.

export type ReturnFrequency = "monthly" | "quarterly";

export type ReturnPeriod = {
  fp: string;
  frequency: ReturnFrequency;
  /** First and last calendar day of the period, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Human label: "November 2026" or "Oct–Dec 2026". */
  label: string;
  /** Table 12 (HSN) is split into B2B and B2C tabs from the May 2025 return period on. */
  hsnSplit: boolean;
};

/** The first return period with Table 12 split into hsn_b2b / hsn_b2c (GSTN advisory, Phase-3). */
export const HSN_SPLIT_FROM = "2025-05";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const SHORT = MONTHS.map((m) => m.slice(0, 3));

/** null when fp is not MMYYYY of a real month from July 2017 (GST began) to 2099, or a quarter that does not end in Mar/Jun/Sep/Dec. */
export function parseReturnPeriod(fp: string, frequency: ReturnFrequency = "monthly"): ReturnPeriod | null {
  const m = /^(0[1-9]|1[0-2])(20\d{2})$/.exec(fp);
  if (!m) return null;
  const month = Number(m[1]);
  const year = Number(m[2]);
  if (year * 100 + month < 201707) return null;
  if (frequency === "quarterly" && month % 3 !== 0) return null;
  const firstMonth = frequency === "quarterly" ? month - 2 : month;
  if (year * 100 + firstMonth < 201707) return null;
  const from = `${year}-${pad(firstMonth)}-01`;
  const to = `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
  const label = frequency === "quarterly" ? `${SHORT[firstMonth - 1]}–${SHORT[month - 1]} ${year}` : `${MONTHS[month - 1]} ${year}`;
  return { fp, frequency, from, to, label, hsnSplit: `${year}-${pad(month)}` >= HSN_SPLIT_FROM };
}

/** fp of the month containing a YYYY-MM-DD day. */
export function fpOfDay(day: string): string {
  return `${day.slice(5, 7)}${day.slice(0, 4)}`;
}

/** fp of the month before. */
export function previousFp(fp: string): string {
  const month = Number(fp.slice(0, 2));
  const year = Number(fp.slice(2));
  return month === 1 ? `12${year - 1}` : `${pad(month - 1)}${year}`;
}

/** The Indian financial year (April–March) a day falls in, as its first and last day. */
export function financialYearOf(day: string): { from: string; to: string } {
  const y = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 4 ? y : y - 1;
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");
