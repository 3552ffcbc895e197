"use client";
import { ChevronLeftIcon, ChevronRightIcon } from "@/components/shell/icons";
import { Button } from "@/components/ui/button";

/** "Showing 1–20 of 57" with previous / next. Pages are 1-based. */
export function Pagination({
  page,
  pageSize,
  total,
  pageCount,
  onPage,
  noun = "results",
}: {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
  onPage: (page: number) => void;
  noun?: string;
}) {
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3">
      <p className="text-sm text-slate-600 tabular">
        {total === 0 ? (
          `No ${noun}`
        ) : (
          <>
            Showing <span className="font-medium text-slate-900">{from}</span>–<span className="font-medium text-slate-900">{to}</span> of{" "}
            <span className="font-medium text-slate-900">{total}</span>
          </>
        )}
      </p>
      <div className="flex items-center gap-2">
        <span className="hidden text-sm text-slate-500 sm:inline">
          Page {Math.min(page, pageCount)} of {pageCount}
        </span>
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label="Previous page">
          <ChevronLeftIcon className="size-4" />
          <span className="hidden sm:inline">Previous</span>
        </Button>
        <Button variant="secondary" size="sm" disabled={page >= pageCount} onClick={() => onPage(page + 1)} aria-label="Next page">
          <span className="hidden sm:inline">Next</span>
          <ChevronRightIcon className="size-4" />
        </Button>
      </div>
    </nav>
  );
}
