"use client";
// − [ 12 ] + for a quantity that moves in steps (whole packs, or 1) and never below a minimum; the
// keypad is numeric for units counted whole (pieces) and decimal for measured ones (kg).
// Arithmetic is in thousandths (the precision of quantities), so 0.1 + 0.2 stays 0.3.
import { quantityInputProps } from "@/lib/catalog/units";
import { cn } from "@/lib/cn";

const toMilli = (s: string) => {
  const n = Number(String(s).replace(/,/g, "").trim());
  return Number.isFinite(n) ? Math.round(n * 1000) : NaN;
};
const fromMilli = (m: number) => (m / 1000).toFixed(3).replace(/\.?0+$/, "");

/** The next quantity up or down from `value` on the `step` grid, kept at or above `min`. */
export function stepQuantity(value: string, dir: 1 | -1, min: string, step: string): string {
  const v = toMilli(value);
  const s = Math.max(1, toMilli(step));
  const lo = toMilli(min);
  if (!Number.isFinite(v)) return fromMilli(lo);
  const next = dir === 1 ? Math.floor(v / s) * s + s : Math.ceil(v / s) * s - s;
  return fromMilli(Math.max(lo, next));
}

export function normaliseQuantity(value: string): string {
  const v = toMilli(value);
  return Number.isFinite(v) && v >= 0 ? fromMilli(v) : value;
}

export function QuantityStepper({
  value,
  onChange,
  onCommit,
  min,
  step,
  unit,
  label,
  disabled,
  invalid,
  size = "md",
  className,
}: {
  value: string;
  onChange: (v: string) => void;
  /** Called after a − / + press, and on Enter or leaving the field (the cart saves then). */
  onCommit?: (v: string) => void;
  min: string;
  step: string;
  unit: string;
  /** Accessible name, e.g. "Quantity of Besan 1 kg". */
  label: string;
  disabled?: boolean;
  invalid?: boolean;
  size?: "sm" | "md";
  className?: string;
}) {
  const press = (dir: 1 | -1) => {
    const next = stepQuantity(value, dir, min, step);
    onChange(next);
    onCommit?.(next);
  };
  const atMin = toMilli(value) <= toMilli(min);
  const h = size === "sm" ? "h-8" : "h-9";
  const btn = cn(
    "flex w-9 shrink-0 items-center justify-center text-lg leading-none text-slate-600 transition-colors hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent",
    h,
  );
  return (
    <div
      role="group"
      aria-label={label}
      className={cn(
        "inline-flex items-stretch overflow-hidden rounded-lg border bg-white shadow-xs focus-within:ring-3 focus-within:ring-brand-500/20",
        invalid ? "border-danger-500" : "border-slate-300 focus-within:border-brand-500",
        className,
      )}
    >
      <button type="button" className={btn} onClick={() => press(-1)} disabled={disabled || atMin} aria-label="Less">
        −
      </button>
      <label className="flex min-w-0 flex-1 items-center border-x border-slate-200">
        <span className="sr-only">{label}</span>
        <input
          type="text"
          inputMode={quantityInputProps(unit).inputMode}
          value={value}
          disabled={disabled}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value)}
          onBlur={(e) => onCommit?.(normaliseQuantity(e.target.value))}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              onCommit?.(normaliseQuantity(e.currentTarget.value));
            }
          }}
          className={cn("w-full min-w-0 bg-transparent px-1 text-center text-sm font-medium text-slate-900 tabular-nums outline-none disabled:text-slate-500", h)}
        />
        <span aria-hidden className="pr-2 text-xs text-slate-500">
          {unit}
        </span>
      </label>
      <button type="button" className={btn} onClick={() => press(1)} disabled={disabled} aria-label="More">
        +
      </button>
    </div>
  );
}
