import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { getPickList } from "@/lib/orders/get-pick-list";
import { PickSheet, pickSheetPrintCss } from "../../_components/pick-sheet";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Pick list" };

export default async function PickListPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const { id } = await params;
  const pick = await getPickList(makeCtx(actor), id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    // Drafts and cancelled orders have nothing to pick.
    if (e instanceof AppError && e.code === "conflict") redirect(`/orders/${id}`);
    throw e;
  });
  return (
    <>
      <style>{pickSheetPrintCss}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/orders/${pick.order.id}`} className="text-[13px] text-slate-500 hover:text-slate-800">
          ← Order {pick.order.number}
        </Link>
        <PrintButton />
      </div>

      <PickSheet pick={pick} />
    </>
  );
}

