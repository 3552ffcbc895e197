// The row badges of a vehicle or driver: expired papers in red, papers lapsing within 30 days in amber.
import { Badge } from "@/components/ui/badge";
import type { DocumentWarning } from "@/lib/logistics/fleet/documents";

export function DocumentBadges({ warnings }: { warnings: DocumentWarning[] }) {
  if (!warnings.length) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-1" aria-label="Document warnings">
      {warnings.map((w) => (
        <li key={w.document}>
          <Badge tone={w.status === "expired" ? "danger" : "warning"} dot title={w.message}>
            {w.status === "expired" ? `${w.label} expired` : w.daysLeft === 0 ? `${w.label} expires today` : `${w.label} expires in ${w.daysLeft}d`}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
