// Pages of the orders list. Counted lists use the shared pagination links; past 10,000 matches the
// list stops counting, so the footer says "10,000+" and offers Next while pages come back full.
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination-links";
import { cn } from "@/lib/cn";
import { formatQuantity } from "@/lib/format";

export function OrdersPagination({ page, pageSize, shown, total, capped, hrefFor }: { page: number; pageSize: number; shown: number; total: number; capped: boolean; hrefFor: (page: number) => string }) {
  if (!capped) return <Pagination page={page} pageSize={pageSize} total={total} hrefFor={hrefFor} noun="orders" />;
  const from = (page - 1) * pageSize + 1;
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
        {shown > 0 && (
          <>
            Showing <span className="font-medium text-slate-900 tabular-nums">{formatQuantity(from)}</span>–<span className="font-medium text-slate-900 tabular-nums">{formatQuantity(from + shown - 1)}</span> of{" "}
          </>
        )}
        <span className="font-medium text-slate-900 tabular-nums">{formatQuantity(total)}+</span> orders
      </p>
      <div className="flex items-center gap-2">
        {link(page - 1, "Previous", page <= 1)}
        <span className="text-slate-500 tabular-nums">Page {page}</span>
        {link(page + 1, "Next", shown < pageSize)}
      </div>
    </nav>
  );
}
