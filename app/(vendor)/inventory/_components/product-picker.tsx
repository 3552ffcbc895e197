"use client";
// Pick a product by typing part of its SKU, name or barcode. Results come from a server action
// (debounced) and show what is on hand in the chosen warehouse. Keyboard: ↑ ↓ Enter Esc.
import { useEffect, useId, useRef, useState } from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { searchProductsAction } from "../actions";
import { formatQty, unitLabel } from "./format";

export type PickedProduct = { id: string; sku: string; name: string; unit: string; costPrice: string | null; onHand: string; available: string };

export function ProductPicker({
  id,
  value,
  onChange,
  warehouseId,
  invalid,
  describedBy,
  placeholder = "Search SKU or name",
}: {
  id: string;
  value: PickedProduct | null;
  onChange: (p: PickedProduct | null) => void;
  warehouseId?: string;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
}) {
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<{ q: string; items: PickedProduct[] }>({ q: "\u0000", items: [] });
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    const n = ++seq.current;
    const t = setTimeout(async () => {
      setLoading(true);
      const res = await searchProductsAction({ q: text.trim() || undefined, warehouseId: warehouseId || undefined, limit: 8 });
      if (n !== seq.current) return;
      setLoading(false);
      if (res.ok) {
        setFound({ q: text, items: res.data });
        setActive(0);
        setError(null);
      } else setError(res.error);
    }, 200);
    return () => clearTimeout(t);
  }, [text, open, warehouseId]);

  // Results of an older query are never shown (or clickable) for the text now in the box.
  const results = found.q === text ? found.items : [];
  const stale = found.q !== text;

  if (value) {
    return (
      <div className="flex h-9 min-w-0 items-center justify-between gap-2 rounded-lg border border-slate-200 bg-slate-50 px-3 text-sm" id={id} aria-describedby={describedBy}>
        <span className="min-w-0 truncate">
          <span className="font-medium text-slate-900">{value.name}</span> <span className="font-mono text-xs text-slate-500">{value.sku}</span>
        </span>
        <button
          type="button"
          className="shrink-0 text-xs font-medium text-brand-700 hover:underline"
          onClick={() => {
            onChange(null);
            setText("");
            setTimeout(() => input.current?.focus(), 0);
          }}
        >
          Change<span className="sr-only"> product {value.name}</span>
        </button>
      </div>
    );
  }

  const choose = (p: PickedProduct) => {
    onChange(p);
    setText("");
    setOpen(false);
  };

  return (
    <div className="relative">
      <Input
        ref={input}
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && results[active] ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, results.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && open && results[active]) {
            e.preventDefault();
            choose(results[active]);
          } else if (e.key === "Escape") setOpen(false);
        }}
      />
      {open && (
        <ul id={listId} role="listbox" className="absolute z-20 mt-1 max-h-72 w-full min-w-72 overflow-auto rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-popover">
          {error ? (
            <li className="px-3 py-2 text-danger-700">{error}</li>
          ) : results.length === 0 ? (
            <li className="px-3 py-2 text-slate-500">{loading || stale ? "Searching…" : text ? `No active product matches “${text}”` : "Type to search"}</li>
          ) : (
            results.map((p, i) => (
              <li
                key={p.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(p)}
                onMouseEnter={() => setActive(i)}
                className={cn("flex cursor-pointer items-center justify-between gap-3 px-3 py-2", i === active && "bg-brand-50")}
              >
                <span className="min-w-0">
                  <span className="block truncate font-medium text-slate-900">{p.name}</span>
                  <span className="font-mono text-xs text-slate-500">{p.sku}</span>
                </span>
                {warehouseId && (
                  <span className="shrink-0 text-xs text-slate-500 tabular-nums">
                    {formatQty(p.available)} {unitLabel(p.unit)} available
                  </span>
                )}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
