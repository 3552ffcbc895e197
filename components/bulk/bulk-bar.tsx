"use client";
// The bar under a list while rows are selected: how many, and the actions that fit the caller's
// role and at least one selected row's state. An action runs over every selected row (the server
// says per row what it did or why it skipped); a link action (print, download) carries the ids in
// its URL. Actions that cannot be undone (tax invoices, mails, IRNs) ask first.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Dialog } from "@/components/form/dialog";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import type { BulkResult } from "@/lib/bulk/bulk-result";
import type { ActionResult } from "@/lib/http/action";
import { useBulkSelection } from "./bulk-selection";

export type BulkBarAction = {
  key: string;
  label: string;
  /** Selected rows whose state allows the action; the action is offered when at least one does. */
  eligible: number;
} & (
  | { run: (input: { action: string; ids: string[] }) => Promise<ActionResult<BulkResult>>; confirm?: { title: (n: number) => string; description: string; action: string } }
  | { href: (ids: string[]) => string }
);

export function BulkBar({ noun, actions }: { noun: { one: string; many: string }; actions: BulkBarAction[] }) {
  const router = useRouter();
  const { selected, clear, toggle, setResult } = useBulkSelection();
  const [pending, start] = useTransition();
  const [running, setRunning] = useState<string | null>(null);
  const [asking, setAsking] = useState<Extract<BulkBarAction, { run: unknown }> | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (selected.length === 0) return null;
  const n = selected.length;
  const offered = actions.filter((a) => a.eligible > 0);

  const run = (a: Extract<BulkBarAction, { run: unknown }>) => {
    setAsking(null);
    setRunning(a.key);
    start(async () => {
      setError(null);
      const ids = [...selected];
      const res = await a.run({ action: a.key, ids });
      setRunning(null);
      if (!res.ok) {
        setError(res.error);
        return;
      }
      // Rows that are done leave the selection; the rest stay chosen for another try or action.
      for (const r of res.data.results) if (r.outcome === "done") toggle(r.id, false);
      setResult({ label: a.label, result: res.data });
      router.refresh();
    });
  };

  return (
    <div role="region" aria-label="Bulk actions" className="sticky bottom-3 z-20 mt-3 rounded-xl border border-slate-300 bg-white px-3 py-2.5 shadow-popover">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <p className="text-sm font-medium text-slate-900">
          {n} {n === 1 ? noun.one : noun.many} selected
        </p>
        <Button variant="ghost" size="sm" onClick={clear} disabled={pending}>
          Clear
        </Button>
        <div className="flex flex-wrap gap-2 sm:ml-auto">
          {offered.length === 0 && <p className="text-sm text-slate-600">None of these can be acted on together here.</p>}
          {offered.map((a) => {
            const partial = a.eligible < n ? ` (${a.eligible})` : "";
            const aria = a.eligible < n ? `${a.label}: ${a.eligible} of the ${n} selected` : undefined;
            if ("href" in a)
              return (
                <a key={a.key} href={a.href(selected)} className={buttonClasses({ variant: "secondary", size: "sm" })} aria-label={aria}>
                  {a.label}
                  {partial}
                </a>
              );
            return (
              <Button key={a.key} size="sm" variant="secondary" onClick={() => (a.confirm ? setAsking(a) : run(a))} loading={running === a.key} disabled={pending && running !== a.key} aria-label={aria}>
                {a.label}
                {partial}
              </Button>
            );
          })}
        </div>
      </div>
      {error && (
        <Alert tone="danger" className="mt-2">
          {error}
        </Alert>
      )}
      {asking?.confirm && (
        <Dialog
          open
          onClose={() => setAsking(null)}
          title={asking.confirm.title(n)}
          description={asking.confirm.description}
          footer={
            <>
              <Button variant="secondary" onClick={() => setAsking(null)}>
                Go back
              </Button>
              <Button onClick={() => run(asking)}>{asking.confirm.action}</Button>
            </>
          }
        />
      )}
    </div>
  );
}
