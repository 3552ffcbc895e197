import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading your cart…</span>
      <Skeleton className="h-7 w-24" />
      <Skeleton className="mt-2 h-4 w-80 max-w-full" />
      <div className="mt-6 rounded-lg border border-slate-200 bg-white">
        <div className="border-b border-slate-200 px-5 py-4">
          <Skeleton className="h-5 w-48" />
          <Skeleton className="mt-2 h-3 w-32" />
        </div>
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="flex gap-3 border-b border-slate-100 px-5 py-4">
            <Skeleton className="size-12 rounded-lg" />
            <div className="flex-1">
              <Skeleton className="h-4 w-56 max-w-full" />
              <Skeleton className="mt-2 h-3 w-40" />
              <Skeleton className="mt-3 h-8 w-36" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
