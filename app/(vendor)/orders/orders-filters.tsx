"use client";
// Filters of the orders list. They write to the URL (typing is debounced, amounts apply on Enter or
// leaving the box); the server component re-reads the list.
import { DateInput } from "@/components/ui/date-input";
import { useEffect, useState, type ReactNode } from "react";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { SearchIcon } from "@/components/shell/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";

export type OrderFilterValues = { q: string; retailer: string; from: string; to: string; min: string; max: string };

export function OrdersFilters({ values, invalid, retailers }: { values: OrderFilterValues; invalid: Partial<Record<keyof OrderFilterValues, string>>; retailers: { value: string; label: string }[] }) {
  const { update, pending } = useSearchParamsState();
  const [q, setQ] = useState(values.q);
  /** The search text last written to the URL by this box. */
  const [pushed, setPushed] = useState(values.q);
  const [amounts, setAmounts] = useState({ min: values.min, max: values.max });
  const [seen, setSeen] = useState(values);

  // The URL changed under the boxes (a "Clear filters" link, the back button): show what it says.
  // Our own debounced search coming back is not such a change, so typing is never overwritten.
  if (seen !== values && (seen.q !== values.q || seen.min !== values.min || seen.max !== values.max)) {
    setSeen(values);
    if (values.q !== pushed) {
      setQ(values.q);
      setPushed(values.q);
    }
    setAmounts({ min: values.min, max: values.max });
  }

  useEffect(() => {
    const text = q.trim();
    if (text === pushed) return;
    const t = setTimeout(() => {
      setPushed(text);
      update({ q: text || null });
    }, 350);
    return () => clearTimeout(t);
  }, [q, pushed, update]);

  const applyAmount = (name: "min" | "max") => {
    const v = amounts[name].trim();
    if (v !== values[name]) update({ [name]: v || null });
  };
  const any = Object.values(values).some(Boolean);

  return (
    <div className="mt-4 mb-4 space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <div className="relative w-full sm:max-w-sm">
          <label htmlFor="order-search" className="sr-only">
            Search orders
          </label>
          <SearchIcon aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500" />
          <Input id="order-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Order number, retailer or customer code" className="pl-9" autoComplete="off" />
        </div>
        {retailers.length > 0 && (
          <div className="w-full sm:w-64">
            <label htmlFor="order-retailer" className="sr-only">
              Retailer
            </label>
            <Select id="order-retailer" value={values.retailer} onChange={(e) => update({ retailer: e.target.value || null })} placeholder="All retailers" options={retailers} />
          </div>
        )}
        {pending && <Spinner label="Loading" className="text-slate-500" />}
      </div>
      <div className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap sm:items-start sm:gap-x-3 sm:gap-y-2">
        <Small id="order-from" label="Placed from" error={invalid.from} width="sm:w-40">
          <DateInput id="order-from" value={values.from} max={values.to || undefined} onChange={(e) => update({ from: e.target.value || null })} aria-invalid={!!invalid.from || undefined} aria-describedby={invalid.from ? "order-from-error" : undefined} />
        </Small>
        <Small id="order-to" label={<>to<span className="sr-only"> (placed on or before)</span></>} error={invalid.to} width="sm:w-40">
          <DateInput id="order-to" value={values.to} min={values.from || undefined} onChange={(e) => update({ to: e.target.value || null })} aria-invalid={!!invalid.to || undefined} aria-describedby={invalid.to ? "order-to-error" : undefined} />
        </Small>
        <Small id="order-min" label="Amount from ₹" error={invalid.min} width="sm:w-28">
          <Input
            id="order-min"
            inputMode="decimal"
            placeholder="0"
            value={amounts.min}
            onChange={(e) => setAmounts((a) => ({ ...a, min: e.target.value }))}
            onBlur={() => applyAmount("min")}
            onKeyDown={(e) => e.key === "Enter" && applyAmount("min")}
            className="text-right tabular-nums"
            aria-invalid={!!invalid.min || undefined}
            aria-describedby={invalid.min ? "order-min-error" : undefined}
          />
        </Small>
        <Small id="order-max" label={<>to ₹<span className="sr-only"> (amount up to)</span></>} error={invalid.max} width="sm:w-28">
          <Input
            id="order-max"
            inputMode="decimal"
            placeholder="Any"
            value={amounts.max}
            onChange={(e) => setAmounts((a) => ({ ...a, max: e.target.value }))}
            onBlur={() => applyAmount("max")}
            onKeyDown={(e) => e.key === "Enter" && applyAmount("max")}
            className="text-right tabular-nums"
            aria-invalid={!!invalid.max || undefined}
            aria-describedby={invalid.max ? "order-max-error" : undefined}
          />
        </Small>
        {any && (
          <button
            type="button"
            className="col-span-2 h-9 justify-self-start px-1 text-sm font-medium text-brand-700 hover:underline"
            onClick={() => {
              setQ("");
              setPushed("");
              setAmounts({ min: "", max: "" });
              update({ q: null, retailer: null, from: null, to: null, min: null, max: null });
            }}
          >
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}

/** A compact inline field: the label sits before the box; an error shows under it. */
function Small({ id, label, error, width, children }: { id: string; label: ReactNode; error?: string; width: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      {/* Phones: label above the box, two boxes a row. Wider: label before the box, one line. */}
      <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-2">
        <label htmlFor={id} className="text-sm whitespace-nowrap text-slate-600">
          {label}
        </label>
        <div className={width}>{children}</div>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-danger-700">
          {error}
        </p>
      )}
    </div>
  );
}
