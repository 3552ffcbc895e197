"use client";
// Which open invoices a receipt pays: "oldest first" (the preview shows the split the server will
// make), "by hand" (an amount per invoice, prefilled with that split) or "keep on account".
// Amounts are added up in whole paise; the server checks everything again.
import { Input } from "@/components/ui/input";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import type { OpenDocument } from "@/lib/billing/get-receivable-account";
import { fromPaise, splitOldestFirst, toPaise } from "@/lib/billing/paise";
import { cn } from "@/lib/cn";
import { formatDate, formatINR } from "@/lib/format";

export type AllocationMode = "auto" | "manual" | "none";

export function AllocationEditor({
  docs,
  amount,
  mode,
  onMode,
  manual,
  onManual,
  errors,
  allowNone = true,
  today,
}: {
  docs: OpenDocument[];
  amount: bigint | null;
  mode: AllocationMode;
  onMode: (m: AllocationMode) => void;
  manual: Record<string, string>;
  onManual: (m: Record<string, string>) => void;
  errors?: Record<string, string[] | undefined>;
  allowNone?: boolean;
  today: string;
}) {
  const open = docs.map((d) => toPaise(d.open) ?? 0n);
  const auto = splitOldestFirst(amount ?? 0n, open);
  const shown = docs.map((d, i) => (mode === "auto" ? auto[i] : mode === "manual" ? (toPaise(manual[d.id] ?? "") ?? 0n) : 0n));
  const allocated = shown.reduce((s, v) => s + v, 0n);
  const onAccount = (amount ?? 0n) - allocated;
  const choose = (m: AllocationMode) => {
    if (m === "manual" && Object.keys(manual).length === 0) onManual(Object.fromEntries(docs.map((d, i) => [d.id, auto[i] > 0n ? fromPaise(auto[i]) : ""])));
    onMode(m);
  };
  const modes: [AllocationMode, string, string][] = [
    ["auto", "Oldest first", "Pays the invoices due earliest"],
    ["manual", "By hand", "Choose an amount per invoice"],
    ...(allowNone ? ([["none", "Keep on account", "An advance, allocated later"]] as [AllocationMode, string, string][]) : []),
  ];

  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">Allocate to invoices</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {modes.map(([m, label, hint]) => (
            <label key={m} className={cn("flex cursor-pointer items-start gap-2 rounded-lg border px-3 py-2.5 text-sm", mode === m ? "border-brand-500 bg-brand-50/60" : "border-slate-200 bg-white hover:bg-slate-50")}>
              <input type="radio" name="allocation-mode" className="mt-0.5" checked={mode === m} onChange={() => choose(m)} />
              <span>
                <span className="block font-medium text-slate-900">{label}</span>
                <span className="block text-xs text-slate-500">{hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {docs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">No open invoices: the whole amount stays on account as an advance.</p>
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>Document</Th>
              <Th>Issued</Th>
              <Th>Due</Th>
              <Th numeric>Total</Th>
              <Th numeric>Open</Th>
              <Th numeric>Allocate</Th>
            </Tr>
          </THead>
          <TBody>
            {docs.map((d, i) => {
              const overdue = d.dueDate < today;
              const typed = mode === "manual" ? toPaise(manual[d.id] ?? "") : null;
              // Said in the browser before the server says it: more than is open, or not an amount.
              const local = mode !== "manual" || !(manual[d.id] ?? "").trim() ? undefined : typed === null ? "Enter an amount, e.g. 1500.50" : typed > open[i] ? `Only ${formatINR(d.open)} is open` : undefined;
              const err = errors?.[`allocations.${manualIndex(docs, manual, d.id)}.amount`]?.[0] ?? local;
              return (
                <Tr key={d.id}>
                  <Td className="whitespace-nowrap">
                    <span className="font-medium">{d.number}</span>
                    {d.type === "DEBIT_NOTE" && <span className="ml-2 text-xs text-slate-500">Debit note</span>}
                  </Td>
                  <Td muted className="whitespace-nowrap">
                    {formatDate(d.issueDate)}
                  </Td>
                  <Td className="whitespace-nowrap">
                    <span className={overdue ? "text-danger-700" : "text-slate-500"}>{formatDate(d.dueDate)}</span>
                  </Td>
                  <Td numeric muted>{formatINR(d.grandTotal)}</Td>
                  <Td numeric>{formatINR(d.open)}</Td>
                  <Td numeric className="w-40">
                    {mode === "manual" ? (
                      <div>
                        <Input
                          aria-label={`Amount for ${d.number}`}
                          inputMode="decimal"
                          className="text-right"
                          value={manual[d.id] ?? ""}
                          invalid={!!err}
                          placeholder="0.00"
                          onChange={(e) => onManual({ ...manual, [d.id]: e.target.value })}
                        />
                        {err && <p className="mt-1 text-left text-xs text-danger-700">{err}</p>}
                      </div>
                    ) : (
                      <span className={shown[i] > 0n ? "font-medium text-slate-900" : "text-slate-500"}>{formatINR(fromPaise(shown[i]))}</span>
                    )}
                  </Td>
                </Tr>
              );
            })}
          </TBody>
          <TFoot>
            <Tr>
              <Td colSpan={5} align="right">
                Allocated
              </Td>
              <Td numeric>{formatINR(fromPaise(allocated))}</Td>
            </Tr>
          </TFoot>
        </Table>
      )}
      <p className={cn("text-sm", onAccount < 0n ? "text-danger-700" : "text-slate-600")}>
        {onAccount < 0n ? (
          <>The allocations are {formatINR(fromPaise(-onAccount))} more than the amount received.</>
        ) : (
          <>
            Stays on account: <span className="font-medium text-slate-900 tabular-nums">{formatINR(fromPaise(onAccount))}</span>
          </>
        )}
      </p>
    </div>
  );
}

/** The hand-set lines sent to the server: invoices with an amount, in the table's order. */
export function manualLines(docs: OpenDocument[], manual: Record<string, string>) {
  return docs.filter((d) => (manual[d.id] ?? "").trim() !== "" && toPaise(manual[d.id]) !== 0n).map((d) => ({ invoiceId: d.id, amount: manual[d.id].trim() }));
}

/** Position of an invoice among the lines sent, so a server error on allocations.N lands on its row. */
function manualIndex(docs: OpenDocument[], manual: Record<string, string>, id: string) {
  return manualLines(docs, manual).findIndex((l) => l.invoiceId === id);
}
