"use client";
// "Show exact stock to retailers": a switch that saves at once. Only owners and admins
// (company.write) may change it; others see it read-only with the reason.
import { useState, useTransition } from "react";
import { cn } from "@/lib/cn";
import { setShowStockAction } from "../actions";

export function ShowStockToggle({ initial, canChange }: { initial: boolean; canChange: boolean }) {
  const [on, setOn] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toggle = () =>
    start(async () => {
      setError(null);
      const res = await setShowStockAction(!on);
      if (res.ok) setOn(res.data.showStockToRetailers);
      else setError(res.error);
    });
  return (
    <div className="flex items-start gap-3">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-labelledby="show-stock-label"
        aria-describedby="show-stock-hint"
        disabled={!canChange || pending}
        onClick={toggle}
        className={cn(
          "relative mt-0.5 inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:opacity-60",
          on ? "bg-brand-600" : "bg-slate-300",
        )}
      >
        <span aria-hidden className={cn("inline-block size-4 rounded-full bg-white shadow transition-transform", on ? "translate-x-4.5" : "translate-x-0.5")} />
      </button>
      <div className="text-sm">
        <p id="show-stock-label" className="font-medium text-slate-800">
          Show exact stock to retailers
        </p>
        <p id="show-stock-hint" className="text-slate-500">
          {on ? "Retailers see the available quantity of each product." : "Retailers see only In stock, Low or Out of stock."}
          {!canChange && " Only owners and admins can change this."}
        </p>
        {error && (
          <p role="alert" className="mt-1 text-danger-700">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
