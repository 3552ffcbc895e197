import { IntentLink as Link } from "@/components/ui/intent-link";
import { formatDate, formatINR } from "@/lib/format";
import type { Gstr3bContribution } from "@/lib/reporting/gst/build-gstr3b";

const SHOWN = 50;
const kind = { INVOICE: "Invoice", CREDIT_NOTE: "Credit note", DEBIT_NOTE: "Debit note" } as const;

/** The documents behind a figure, each with its signed contribution (credit notes reduce). */
export function DocumentsList({ documents }: { documents: Gstr3bContribution[] }) {
  if (documents.length === 0) return <p className="text-sm text-slate-500">No documents.</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100 text-sm">
        {documents.slice(0, SHOWN).map((d) => (
          <li key={`${d.documentId}-${d.section}`} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
            <span className="min-w-0">
              <Link href={`/invoices/${d.documentId}`} className="font-medium text-brand-700 hover:underline">
                {d.number}
              </Link>
              <span className="text-slate-500">
                {" "}
                · {kind[d.type]} · {formatDate(d.issueDate)} · {d.section}
              </span>
            </span>
            <span className="tabular-nums text-slate-700">
              {formatINR(d.taxable)}
              <span className="text-slate-500"> + tax {formatINR((Number(d.igst) + Number(d.cgst) + Number(d.sgst) + Number(d.cess)).toFixed(2))}</span>
            </span>
          </li>
        ))}
      </ul>
      {documents.length > SHOWN && <p className="mt-1 text-sm text-slate-500">and {documents.length - SHOWN} more (the GSTR-3B API lists them all)</p>}
    </>
  );
}
