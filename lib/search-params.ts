// Reading list screens' URL search params and building their links (page, filters, sort).
/** Builds list URLs from the current query, dropping empty values and page 1. */
export function hrefBuilder(base: string, current: Record<string, string | undefined>) {
  return (over: Record<string, string | number | undefined | null>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...current, ...over })) {
      if (v === undefined || v === null || v === "" || (k === "page" && String(v) === "1")) continue;
      p.set(k, String(v));
    }
    const s = p.toString();
    return s ? `${base}?${s}` : base;
  };
}

export function pageFrom(v: string | undefined) {
  const n = Number.parseInt(v ?? "1", 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export function one(v: string | string[] | undefined) {
  return (Array.isArray(v) ? v[0] : v) ?? undefined;
}
