"use client";
// Shows the active company; staff of several companies switch here (the session's companyId
// changes on the server, which checks the membership again).
import { useRef, useState, useTransition, useCallback } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { cn } from "@/lib/cn";
import { Spinner } from "@/components/ui/spinner";
import { SwitchIcon } from "./icons";

export type CompanyOption = { id: string; name: string; code: string; roleLabel: string };

export function CompanySwitcher({
  companies,
  currentCompanyId,
  switchCompany,
}: {
  companies: CompanyOption[];
  currentCompanyId: string;
  switchCompany: (companyId: string) => Promise<{ ok: false; error: string } | void>;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const ref = useRef<HTMLDivElement>(null);
  const current = companies.find((c) => c.id === currentCompanyId) ?? companies[0];

  const closeMenu = useCallback(() => setOpen(false), []);
  useDismiss(open, ref, closeMenu);

  if (!current) return null;
  const label = (
    <span className="flex min-w-0 items-center gap-2">
      <span aria-hidden className="flex size-7 shrink-0 items-center justify-center rounded-md bg-slate-900 text-[11px] font-semibold text-white">
        {current.code.slice(0, 2)}
      </span>
      <span className="min-w-0 text-left leading-tight">
        <span className="block truncate text-sm font-semibold text-slate-900">{current.name}</span>
        <span className="block truncate text-xs text-slate-500">{current.code}</span>
      </span>
    </span>
  );

  if (companies.length < 2) return <div className="min-w-0 max-w-[14rem] sm:max-w-xs">{label}</div>;

  return (
    <div ref={ref} className="relative min-w-0">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Company: ${current.name}. Switch company`}
        onClick={() => setOpen((o) => !o)}
        className="flex max-w-[14rem] items-center gap-2 rounded-lg py-1 pr-2 pl-1 hover:bg-slate-100 sm:max-w-xs"
      >
        {label}
        {pending ? <Spinner size="sm" className="text-slate-500" /> : <SwitchIcon className="size-4 shrink-0 text-slate-500" />}
      </button>
      {open && (
        <div role="menu" aria-label="Switch company" className="absolute left-0 z-40 mt-1.5 w-72 rounded-lg border border-slate-200 bg-white p-1.5 shadow-popover">
          <p className="px-2.5 pt-1 pb-1.5 text-[11px] font-semibold tracking-wider text-slate-500 uppercase">Your companies</p>
          {companies.map((c) => {
            const active = c.id === current.id;
            return (
              <button
                key={c.id}
                type="button"
                role="menuitemradio"
                aria-checked={active}
                disabled={pending}
                onClick={() => {
                  setOpen(false);
                  if (active) return;
                  setError(null);
                  startTransition(async () => {
                    const res = await switchCompany(c.id);
                    if (res && !res.ok) setError(res.error);
                  });
                }}
                className={cn(
                  "flex w-full items-center justify-between gap-3 rounded-md px-2.5 py-2 text-left text-sm",
                  active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-50",
                )}
              >
                <span className="min-w-0">
                  <span className="block truncate font-medium">{c.name}</span>
                  <span className="block text-xs text-slate-500">
                    {c.code} · {c.roleLabel}
                  </span>
                </span>
                {active && (
                  <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0 text-brand-600">
                    <path fillRule="evenodd" clipRule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
                  </svg>
                )}
              </button>
            );
          })}
        </div>
      )}
      {error && (
        <p role="alert" className="absolute left-0 mt-1 w-72 rounded-md bg-danger-50 px-2.5 py-1.5 text-xs text-danger-700">
          {error}
        </p>
      )}
    </div>
  );
}
