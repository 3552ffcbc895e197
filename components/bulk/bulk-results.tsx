"use client";
// What the last bulk action did, row by row: done, skipped with the reason, not found, or failed
// with the error's message. Focus moves here when an action finishes, so a keyboard or screen
// reader user hears the outcome; the panel stays until dismissed or the next action.
import { useEffect, useRef } from "react";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { BulkOutcome, BulkRowResult } from "@/lib/bulk/bulk-result";
import { cn } from "@/lib/cn";
import { useBulkSelection } from "./bulk-selection";

const outcome: Record<BulkOutcome, { label: string; tone: BadgeTone }> = {
  done: { label: "Done", tone: "success" },
  skipped: { label: "Skipped", tone: "warning" },
  not_found: { label: "Not found", tone: "neutral" },
  failed: { label: "Failed", tone: "danger" },
};

export function BulkResults({ rowHref, documentHref, className }: { rowHref: (id: string) => string; documentHref?: (id: string) => string; className?: string }) {
  const { result, setResult } = useBulkSelection();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) heading.current?.focus();
  }, [result]);
  if (!result) return null;
  const { summary, results } = result.result;
  const parts = [
    summary.done && `${summary.done} done`,
    summary.skipped && `${summary.skipped} skipped`,
    summary.not_found && `${summary.not_found} not found`,
    summary.failed && `${summary.failed} failed`,
  ].filter(Boolean);
  return (
    <section aria-labelledby="bulk-results-heading" className={cn("rounded-xl border border-slate-200 bg-white shadow-card", className)}>
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-2.5">
        <h2 id="bulk-results-heading" ref={heading} tabIndex={-1} className="text-sm font-semibold text-slate-900 focus:outline-none">
          {result.label}: {parts.join(", ")}
        </h2>
        <Button variant="ghost" size="sm" onClick={() => setResult(null)}>
          Dismiss
        </Button>
      </div>
      <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto text-sm">
        {results.map((r) => (
          <li key={r.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2">
            <Badge tone={outcome[r.outcome].tone} className="w-20 justify-center">
              {outcome[r.outcome].label}
            </Badge>
            {r.number ? (
              <Link href={rowHref(r.id)} className="font-mono text-[13px] font-medium text-slate-900 hover:text-brand-700 hover:underline">
                {r.number}
              </Link>
            ) : (
              <span className="font-mono text-[13px] text-slate-600">{r.id}</span>
            )}
            <span className="min-w-0 text-slate-700">
              <Message message={r.message} document={r.document} href={documentHref} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The message, with the document it names ("Invoiced: INV/26-27/000063") as a link to it. */
function Message({ message, document, href }: { message: string; document: BulkRowResult["document"]; href?: (id: string) => string }) {
  const at = document && href ? message.indexOf(document.number) : -1;
  if (!document || !href || at < 0) return <>{message}</>;
  return (
    <>
      {message.slice(0, at)}
      <Link href={href(document.id)} className="font-medium text-brand-700 hover:underline">
        {document.number}
      </Link>
      {message.slice(at + document.number.length)}
    </>
  );
}
