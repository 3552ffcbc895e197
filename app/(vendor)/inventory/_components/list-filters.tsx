"use client";
// Search box and selects of a list screen. They write to the URL (debounced for typing); the
// server component re-renders with the new filter.
import { useEffect, useRef, useState } from "react";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { SearchIcon } from "@/components/shell/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";

export type FilterSelect = { name: string; label: string; options: { value: string; label: string }[]; placeholder: string };

export function ListFilters({ search, selects = [] }: { search?: { placeholder: string; label: string }; selects?: FilterSelect[] }) {
  const { params, update, pending } = useSearchParamsState();
  const [q, setQ] = useState(params.get("q") ?? "");
  const pushed = useRef(params.get("q") ?? "");

  useEffect(() => {
    const text = q.trim();
    if (text === pushed.current) return;
    const t = setTimeout(() => {
      pushed.current = text;
      update({ q: text || null });
    }, 350);
    return () => clearTimeout(t);
  }, [q, update]);

  return (
    <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-center">
      {search && (
        <div className="relative w-full sm:max-w-xs">
          <label htmlFor="list-search" className="sr-only">
            {search.label}
          </label>
          <SearchIcon aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500" />
          <Input id="list-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={search.placeholder} className="pl-9" autoComplete="off" />
        </div>
      )}
      {selects.map((s) => (
        <div key={s.name} className="w-full sm:w-52">
          <label htmlFor={`filter-${s.name}`} className="sr-only">
            {s.label}
          </label>
          <Select id={`filter-${s.name}`} value={params.get(s.name) ?? ""} onChange={(e) => update({ [s.name]: e.target.value || null })} placeholder={s.placeholder} options={s.options} />
        </div>
      ))}
      {pending && <Spinner label="Loading" className="text-slate-500" />}
    </div>
  );
}
