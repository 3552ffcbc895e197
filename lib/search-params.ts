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

/** A link to `path` with the query's non-empty values. */
export function withQuery(path: string, q: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Reads a report's query string leniently: a value the report would refuse falls back to its default
 * and its key is listed in `dropped` (the page says so instead of failing).
 */
export function queryReader(sp: Record<string, string | string[] | undefined>) {
  const dropped: string[] = [];
  return {
    dropped,
    pick<T extends string>(k: string, allowed: readonly T[], fallback: T): T {
      const v = one(sp[k]);
      if (v && (allowed as readonly string[]).includes(v)) return v as T;
      if (v) dropped.push(k);
      return fallback;
    },
    day(k: string, fallback: string): string {
      const v = one(sp[k]);
      if (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))) return v;
      if (v) dropped.push(k);
      return fallback;
    },
    int(k: string, min: number, max: number, fallback: number): number {
      const v = one(sp[k]);
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (Number.isInteger(n) && n >= min && n <= max) return n;
      dropped.push(k);
      return fallback;
    },
  };
}
