// "Showing 21–40 of 87" with Previous / Next links; the page lives in the URL.
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/cn";

export function PageLinks({ page, pageSize, total, hrefFor, noun = "results" }: { page: number; pageSize: number; total: number; hrefFor: (page: number) => string; noun?: string }) {
  if (total === 0) return null;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const link = (target: number, label: string, disabled: boolean) =>
    disabled ? (
      <span aria-disabled="true" className={cn(buttonClasses({ variant: "secondary", size: "sm" }), "pointer-events-none opacity-50")}>
        {label}
      </span>
    ) : (
      <Link href={hrefFor(target)} scroll={false} className={buttonClasses({ variant: "secondary", size: "sm" })}>
        {label}
      </Link>
    );
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p>
        Showing <span className="font-medium text-slate-900 tabular-nums">{from}</span>–<span className="font-medium text-slate-900 tabular-nums">{to}</span> of{" "}
        <span className="font-medium text-slate-900 tabular-nums">{total}</span> {noun}
      </p>
      {pageCount > 1 && (
        <div className="flex items-center gap-2">
          {link(page - 1, "Previous", page <= 1)}
          <span className="text-slate-500 tabular-nums">
            Page {page} of {pageCount}
          </span>
          {link(page + 1, "Next", page >= pageCount)}
        </div>
      )}
    </nav>
  );
}

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
