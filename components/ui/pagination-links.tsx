// "Showing 21–40 of 87" with Previous / Next links; the page number lives in the URL (server-rendered lists).
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/cn";

export function Pagination({ page, pageSize, total, hrefFor, noun = "results" }: { page: number; pageSize: number; total: number; hrefFor: (page: number) => string; noun?: string }) {
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
      <Link href={hrefFor(target)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
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

