import type { HTMLAttributes } from "react";
import { cn } from "@/lib/cn";

/** Loading placeholder; give it a size (e.g. "h-4 w-32"). Hidden from assistive tech. */
export function Skeleton({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div aria-hidden className={cn("animate-shimmer rounded-md bg-slate-200/80", className)} {...props} />;
}

/** Several text-line skeletons with a shorter last line. */
export function SkeletonText({ lines = 3, className }: { lines?: number; className?: string }) {
  return (
    <div aria-hidden className={cn("space-y-2", className)}>
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} className={cn("h-3.5", i === lines - 1 && lines > 1 ? "w-2/3" : "w-full")} />
      ))}
    </div>
  );
}

/**
 * The loading state of a list screen: title and description, an action button, a tab strip, rows of
 * filters and a table. Shapes only; every list page's loading.tsx is this with its own counts.
 */
export function ListPageSkeleton({ label, tabs = 0, filterRows = [2], rows = 8, badge = true, action = true }: { label: string; tabs?: number; filterRows?: number[]; rows?: number; badge?: boolean; action?: boolean }) {
  return (
    <div aria-busy="true">
      <span className="sr-only">{label}</span>
      <div className="flex items-end justify-between gap-4">
        <div>
          <Skeleton className="h-7 w-32" />
          <Skeleton className="mt-2 h-4 w-[28rem] max-w-full" />
        </div>
        {action && <Skeleton className="hidden h-9 w-40 sm:block" />}
      </div>
      {tabs > 0 && (
        <div className="mt-6 flex gap-4 border-b border-slate-200 pb-3">
          {Array.from({ length: tabs }, (_, i) => (
            <Skeleton key={i} className="h-5 w-20" />
          ))}
        </div>
      )}
      {filterRows.map((n, r) => (
        <div key={r} className={cn("flex flex-wrap gap-3", r === 0 ? (tabs > 0 ? "mt-4" : "mt-6") : "mt-3")}>
          {Array.from({ length: n }, (_, i) => (
            <Skeleton key={i} className={cn("h-9", i === 0 ? "w-80" : "w-52")} />
          ))}
        </div>
      ))}
      <div className="mt-4 rounded-lg border border-slate-200 bg-white">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-slate-100 px-4 py-3.5 last:border-0">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="hidden h-4 w-48 md:block" />
            <Skeleton className="hidden h-4 w-24 md:block" />
            <Skeleton className="ml-auto h-4 w-24" />
            {badge && <Skeleton className="h-5 w-20 rounded-md" />}
          </div>
        ))}
      </div>
    </div>
  );
}
