import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { StockStatus } from "@/lib/catalog/catalog.schemas";

const tones: Record<StockStatus, BadgeTone> = { in_stock: "success", low: "warning", out: "danger" };
const labels: Record<StockStatus, string> = { in_stock: "In stock", low: "Low stock", out: "Out of stock" };

export function StockBadge({ status }: { status: StockStatus }) {
  return (
    <Badge tone={tones[status]} dot>
      {labels[status]}
    </Badge>
  );
}

/** "12 kg" style quantity: decimal string without trailing zeros plus the unit code. */
export function formatQty(qty: string, unit?: string) {
  const [int, frac] = qty.split(".");
  const grouped = (int.startsWith("-") ? "-" : "") + int.replace("-", "").replace(/\B(?=(\d{2})*\d{3}$)/g, ",");
  const f = frac?.replace(/0+$/, "");
  return `${grouped}${f ? `.${f}` : ""}${unit ? ` ${unit}` : ""}`;
}
