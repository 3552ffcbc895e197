"use client";
// The selection of a list's rows for a bulk action: a checkbox per row, one for every row on the
// page, and the last run's results, shared by the table, the bar and the results panel. The
// selection only ever holds rows on the page shown: rows that leave it (another page, a row that
// moved to another status tab after an action) drop out of it.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { BulkResult } from "@/lib/bulk/bulk-result";
import { cn } from "@/lib/cn";

type Selection = {
  ids: readonly string[];
  selected: string[];
  isSelected: (id: string) => boolean;
  toggle: (id: string, on: boolean) => void;
  setAll: (on: boolean) => void;
  clear: () => void;
  result: { label: string; result: BulkResult } | null;
  setResult: (r: { label: string; result: BulkResult } | null) => void;
};

const SelectionContext = createContext<Selection | null>(null);

export function useBulkSelection(): Selection {
  const s = useContext(SelectionContext);
  if (!s) throw new Error("useBulkSelection outside <BulkSelection>");
  return s;
}

export function BulkSelection({ ids, children }: { ids: readonly string[]; children: ReactNode }) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const [result, setResult] = useState<Selection["result"]>(null);
  const onPage = useMemo(() => new Set(ids), [ids]);
  const selected = useMemo(() => ids.filter((id) => picked.has(id)), [ids, picked]);
  const toggle = useCallback((id: string, on: boolean) => {
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const setAll = useCallback((on: boolean) => setPicked(on ? new Set(onPage) : new Set()), [onPage]);
  const clear = useCallback(() => setPicked(new Set()), []);
  const value = useMemo<Selection>(() => ({ ids, selected, isSelected: (id) => picked.has(id) && onPage.has(id), toggle, setAll, clear, result, setResult }), [ids, selected, picked, onPage, toggle, setAll, clear, result]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

const box = "size-4 rounded border-slate-400 align-middle accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500";

/** The header checkbox: all rows on the page, or none; mixed when some are chosen. */
export function SelectAllCheckbox({ noun, className }: { noun: string; className?: string }) {
  const { ids, selected, setAll } = useBulkSelection();
  const ref = useRef<HTMLInputElement>(null);
  const all = ids.length > 0 && selected.length === ids.length;
  const some = selected.length > 0 && !all;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={cn(box, className)}
      checked={all}
      disabled={ids.length === 0}
      onChange={(e) => setAll(e.target.checked)}
      aria-label={`Select all ${ids.length} ${noun} on this page`}
    />
  );
}

/** One row's checkbox, labelled with the row's number so a screen reader says which. */
export function SelectRowCheckbox({ id, label, className }: { id: string; label: string; className?: string }) {
  const { isSelected, toggle } = useBulkSelection();
  return <input type="checkbox" data-row-select="" className={cn(box, className)} checked={isSelected(id)} onChange={(e) => toggle(id, e.target.checked)} aria-label={`Select ${label}`} />;
}
