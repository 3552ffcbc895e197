import { Skeleton, SkeletonText } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-4 w-32" />
      <Skeleton className="mt-2 h-7 w-64" />
      <div className="mt-8 grid gap-6 lg:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-2">
          <SkeletonText lines={5} />
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <SkeletonText lines={4} />
        </div>
      </div>
    </div>
  );
}
