import { ListPageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <ListPageSkeleton label="Loading receivables…" filterRows={[2]} badge={false} />;
}
