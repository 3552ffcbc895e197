// "Showing 21–40 of 87" with Previous / Next links; the page number lives in the URL (server-rendered lists).
// A capped total (a list that stops counting, e.g. past 1,000 orders) reads "of 1,000+" and offers
// Next while pages come back full (`shown` rows on this page).
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { formatQuantity } from "@/lib/format";

type Props = { page: number; pageSize: number; total: number; hrefFor: (page: number) => string; noun?: string; capped?: { shown: number } };

export function Pagination({ page, pageSize, total, hrefFor, noun = "results", capped }: Props) {
  if (total === 0 && !capped) return null;
  const from = (page - 1) * pageSize + 1;
  const to = capped ? from + capped.shown - 1 : Math.min(total, page * pageSize);
  const pageCount = capped ? null : Math.max(1, Math.ceil(total / pageSize));
  const hasNext = capped ? capped.shown >= pageSize : page < pageCount!;
  const link = (target: number, label: string, disabled: boolean) =>
    disabled ? (
      <span aria-disabled="true" className={cn(buttonClasses({ variant: "secondary", size: "sm" }), "pointer-events-none opacity-50")}>
        {label}
      </span>
    ) : (
      <Link href={hrefFor(target)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
        {label}
      </Link>
    );
  const n = (x: number) => <span className="font-medium text-slate-900 tabular-nums">{formatQuantity(x)}</span>;
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p>
        {to >= from && (
          <>
            Showing {n(from)}–{n(to)} of{" "}
          </>
        )}
        <span className="font-medium text-slate-900 tabular-nums">
          {formatQuantity(total)}
          {capped ? "+" : ""}
        </span>{" "}
        {noun}
      </p>
      {(pageCount === null || pageCount > 1) && (
        <div className="flex items-center gap-2">
          {link(page - 1, "Previous", page <= 1)}
          <span className="text-slate-500 tabular-nums">
            Page {page}
            {pageCount !== null && ` of ${pageCount}`}
          </span>
          {link(page + 1, "Next", !hasNext)}
        </div>
      )}
    </nav>
  );
}
