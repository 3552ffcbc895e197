import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading products…</span>
      <div className="flex items-end justify-between gap-4">
        <div>
          <Skeleton className="h-7 w-36" />
          <Skeleton className="mt-2 h-4 w-96 max-w-full" />
        </div>
        <Skeleton className="hidden h-9 w-72 sm:block" />
      </div>
      <div className="mt-8 rounded-lg border border-slate-200 bg-white">
        <div className="flex flex-wrap gap-3 border-b border-slate-200 p-4">
          <Skeleton className="h-9 w-56" />
          <Skeleton className="h-9 w-72" />
          <Skeleton className="h-9 w-44" />
          <Skeleton className="h-9 w-36" />
        </div>
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-slate-100 px-4 py-3.5 last:border-0">
            <Skeleton className="size-4 rounded" />
            <div className="space-y-1.5">
              <Skeleton className="h-4 w-56" />
              <Skeleton className="h-3 w-28" />
            </div>
            <Skeleton className="ml-auto hidden h-4 w-24 md:block" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-5 w-20 rounded-md" />
          </div>
        ))}
      </div>
    </div>
  );
}
