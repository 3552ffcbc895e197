// Days as Indians write them: DD/MM/YYYY. Parsing is forgiving about separators and a two-digit year
// (06-12-26, 6.12.2026, 6 12 2026) and also takes an ISO day; it refuses days that do not exist.

/** "2026-12-06" → "06/12/2026"; "" or anything else → "". */
export function formatDayDmy(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? `${m[3]}/${m[2]}/${m[1]}` : "";
}

/** "6/12/2026", "06-12-26", "2026-12-06" → "2026-12-06"; an impossible or unreadable day → null. */
export function parseDayDmy(text: string): string | null {
  const t = text.trim();
  let d: number, m: number, y: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dmy = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2}|\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), dmy[3].length === 2 ? 2000 + Number(dmy[3]) : Number(dmy[3])];
  else return null;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
