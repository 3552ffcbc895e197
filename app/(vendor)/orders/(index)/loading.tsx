import { ListPageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <ListPageSkeleton label="Loading orders…" tabs={7} filterRows={[2, 3]} />;
}
