import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading price lists…</span>
      <Skeleton className="h-4 w-24" />
      <Skeleton className="mt-3 h-7 w-56" />
      <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      <div className="mt-8 rounded-lg border border-slate-200 bg-white">
        <div className="flex gap-3 border-b border-slate-200 p-4">
          <Skeleton className="h-9 w-72" />
          <Skeleton className="ml-auto h-9 w-36" />
        </div>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-slate-100 px-4 py-3 last:border-0">
            <Skeleton className="h-4 w-56" />
            <Skeleton className="h-4 w-72" />
            <Skeleton className="ml-auto h-4 w-16" />
          </div>
        ))}
      </div>
    </div>
  );
}
