import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { getStockCountOrThrow } from "@/lib/inventory/stock-counts";
import { CountStatusBadge } from "../../_components/badges";
import { Section } from "../../_components/section";
import { CountSheet } from "./count-sheet";

export const metadata: Metadata = { title: "Count sheet" };

export default async function CountPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const { id } = await params;
  const c = await getStockCountOrThrow(makeCtx(actor), id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const editable = c.status === "DRAFT" && can(actor, "inventory.write");
  return (
    <>
      <Section
        eyebrow={
          <Link href="/inventory/counts" className="hover:text-slate-800">
            ← Counts
          </Link>
        }
        title={
          <span className="flex items-center gap-2.5">
            <span className="font-mono">{c.number}</span> <CountStatusBadge status={c.status} />
          </span>
        }
        description={`${c.warehouse.code} · ${c.warehouse.name}. Started ${formatDateTime(c.createdAt)}${c.createdBy ? ` by ${c.createdBy}` : ""}.${c.notes ? ` ${c.notes}` : ""}`}
      />
      {c.status === "POSTED" && (
        <Alert tone="success" className="mb-4" title={`Posted ${c.postedAt ? formatDateTime(c.postedAt) : ""}${c.postedBy ? ` by ${c.postedBy}` : ""}`}>
          {c.differenceCount} difference{c.differenceCount === 1 ? " was" : "s were"} posted as adjustments. Expected shows the stock on hand at the moment of posting.
        </Alert>
      )}
      {c.status === "CANCELLED" && (
        <Alert tone="neutral" className="mb-4">
          This count was cancelled; it did not change any stock.
        </Alert>
      )}
      <CountSheet countId={c.id} number={c.number} editable={editable} lines={c.lines} />
    </>
  );
}
