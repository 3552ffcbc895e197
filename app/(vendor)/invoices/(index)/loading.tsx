import { ListPageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <ListPageSkeleton label="Loading invoices…" tabs={4} filterRows={[3]} />;
}
