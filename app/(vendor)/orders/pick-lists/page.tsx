import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { getPickLists, type PickListsView } from "@/lib/orders/get-pick-lists";
import { one, type SearchParams } from "@/lib/search-params";
import { PickSheet, pickSheetPrintCss } from "../_components/pick-sheet";
import { PrintButton } from "../[id]/pick-list/print-button";

export const metadata: Metadata = { title: "Pick lists" };

// The pick lists of the orders chosen on the orders list (?ids=a,b,c), one after another, each
// printing on its own sheet.
export default async function PickListsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "orders.read")) redirect("/dashboard");
  const ids = (one((await searchParams).ids) ?? "").split(",").filter(Boolean);
  let view: PickListsView | null = null;
  let problem: string | null = null;
  try {
    view = await getPickLists(makeCtx(actor), { ids });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "validation") throw e;
    problem = Object.values(e.fieldErrors ?? {})[0]?.[0] ?? e.message;
  }
  const n = view?.sheets.length ?? 0;
  return (
    <>
      <style>{pickSheetPrintCss}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <div>
          <Link href="/orders" className="text-[13px] text-slate-500 hover:text-slate-800">
            ← Orders
          </Link>
          <h1 className="mt-1 text-xl font-semibold text-slate-900">
            Pick lists{n > 0 && ` of ${n} ${n === 1 ? "order" : "orders"}`}
          </h1>
        </div>
        {n > 0 && <PrintButton label={n === 1 ? "Print pick list" : `Print ${n} pick lists`} />}
      </div>
      {problem && (
        <Alert tone="warning" className="mb-4 print:hidden">
          {problem}. Choose orders on the orders list and press Print pick lists.
        </Alert>
      )}
      {view && view.left.length > 0 && (
        <Alert tone="warning" className="mb-4 print:hidden" title={`${view.left.length} ${view.left.length === 1 ? "order has" : "orders have"} no pick list here`}>
          <ul className="mt-1 list-disc pl-5">
            {view.left.map((l) => (
              <li key={l.id}>
                <span className="font-mono">{l.number ?? l.id}</span>: {l.reason}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {view?.sheets.map((pick, i) => <PickSheet key={pick.order.id} pick={pick} heading="h2" className={i > 0 ? "mt-6" : undefined} />)}
    </>
  );
}
