"use client";
// A date field Indian users read without thinking: typed and shown as DD/MM/YYYY whatever the browser's
// locale (a native date input follows it and shows mm/dd/yyyy), with a month calendar beside it. The
// value in and out stays ISO (YYYY-MM-DD), so it drops in for <input type="date">: controlled (value +
// onChange reading e.target.value), uncontrolled in a GET form (name + defaultValue, through a hidden
// input), or registered with react-hook-form (name, onChange, onBlur, ref).
import { useEffect, useId, useRef, useState, type Ref } from "react";
import { cn } from "@/lib/cn";
import { formatDayDmy, parseDayDmy } from "@/lib/dates/dmy";

type ChangeEvent = { target: { name?: string; value: string }; type: "change" };

export type DateInputProps = {
  id?: string;
  name?: string;
  /** ISO day, or "" for none (controlled). */
  value?: string;
  defaultValue?: string;
  onChange?: (e: ChangeEvent) => void;
  onBlur?: (e: { target: { name?: string; value: string }; type: "blur" }) => void;
  min?: string;
  max?: string;
  disabled?: boolean;
  required?: boolean;
  className?: string;
  ref?: Ref<HTMLInputElement>;
  "aria-label"?: string;
  "aria-invalid"?: boolean | "true" | "false";
  "aria-describedby"?: string;
  "aria-required"?: boolean | "true" | "false";
};

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"];

export function DateInput({ id, name, value, defaultValue, onChange, onBlur, min, max, disabled, required, className, ref, ...aria }: DateInputProps) {
  const controlled = value !== undefined;
  const [own, setOwn] = useState(defaultValue ?? "");
  const iso = controlled ? value : own;
  const [text, setText] = useState(formatDayDmy(iso));
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const calendarId = useId();

  // A new value from outside (a cleared filter, a reset form) shows in the box; typing does not fight it.
  const [shown, setShown] = useState(iso);
  if (shown !== iso) {
    setShown(iso);
    if (parseDayDmy(text) !== iso) setText(formatDayDmy(iso));
  }

  const commit = (next: string) => {
    if (!controlled) setOwn(next);
    onChange?.({ target: { name, value: next }, type: "change" });
  };
  const outOfRange = (day: string) => (min ? day < min : false) || (max ? day > max : false);

  return (
    <div ref={wrap} className={cn("relative", className)}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="DD/MM/YYYY"
        value={text}
        disabled={disabled}
        required={required}
        {...aria}
        aria-invalid={aria["aria-invalid"] ?? (text !== "" && parseDayDmy(text) === null ? true : undefined)}
        onChange={(e) => {
          setText(e.target.value);
          const day = parseDayDmy(e.target.value);
          if (e.target.value.trim() === "") commit("");
          else if (day && !outOfRange(day)) commit(day);
        }}
        onBlur={() => {
          // What was typed and could not be read goes back to the last good date, written out in full.
          const day = parseDayDmy(text);
          setText(formatDayDmy(day && !outOfRange(day) ? day : iso));
          onBlur?.({ target: { name, value: iso }, type: "blur" });
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && e.altKey) {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className="block h-9 w-full rounded-md border border-slate-300 bg-white py-1.5 pr-9 pl-3 text-sm text-slate-900 tabular-nums placeholder:text-slate-500 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none disabled:bg-slate-50 disabled:text-slate-500 aria-[invalid=true]:border-danger-500"
      />
      {name !== undefined && <input type="hidden" name={name} value={iso} ref={ref} readOnly />}
      <button
        type="button"
        disabled={disabled}
        aria-label="Choose a date from a calendar"
        aria-expanded={open}
        aria-controls={open ? calendarId : undefined}
        onClick={() => setOpen((o) => !o)}
        className="absolute inset-y-0 right-0 flex w-9 items-center justify-center rounded-r-md text-slate-500 hover:text-slate-800 disabled:opacity-50"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6">
          <rect x="3" y="4.5" width="14" height="12" rx="1.5" />
          <path d="M3 8h14M7 3v3M13 3v3" />
        </svg>
      </button>
      {open && (
        <Calendar
          id={calendarId}
          selected={iso}
          min={min}
          max={max}
          onPick={(day) => {
            setText(formatDayDmy(day));
            commit(day);
            setOpen(false);
            wrap.current?.querySelector<HTMLInputElement>("input[type=text]")?.focus();
          }}
          onClose={() => {
            setOpen(false);
            wrap.current?.querySelector<HTMLInputElement>("input[type=text]")?.focus();
          }}
          container={wrap}
        />
      )}
    </div>
  );
}

/** A month grid: arrows move by a day or a week, Page Up/Down by a month, Enter picks, Escape closes. */
function Calendar({ id, selected, min, max, onPick, onClose, container }: { id: string; selected: string; min?: string; max?: string; onPick: (day: string) => void; onClose: () => void; container: React.RefObject<HTMLDivElement | null> }) {
  const today = isoOf(new Date());
  const [focus, setFocus] = useState(selected || (max && today > max ? max : min && today < min ? min : today));
  const grid = useRef<HTMLDivElement>(null);
  const [y, m] = [Number(focus.slice(0, 4)), Number(focus.slice(5, 7)) - 1];
  const first = new Date(Date.UTC(y, m, 1));
  const days = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const cells: (string | null)[] = [...Array(first.getUTCDay()).fill(null), ...Array.from({ length: days }, (_, i) => new Date(Date.UTC(y, m, i + 1)).toISOString().slice(0, 10))];
  const disabled = (day: string) => (min ? day < min : false) || (max ? day > max : false);

  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`[data-day="${focus}"]`)?.focus();
  }, [focus]);
  // A click outside closes it.
  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (!container.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener("mousedown", away);
    return () => document.removeEventListener("mousedown", away);
  }, [container, onClose]);

  const move = (days: number) => setFocus(addDays(focus, days));
  const moveMonths = (n: number) => setFocus(addMonths(focus, n));

  return (
    <div
      id={id}
      role="dialog"
      aria-label="Calendar"
      className="absolute top-full left-0 z-30 mt-1 w-72 rounded-lg border border-slate-200 bg-white p-3 shadow-lg"
      onKeyDown={(e) => {
        const keys: Record<string, () => void> = {
          ArrowLeft: () => move(-1),
          ArrowRight: () => move(1),
          ArrowUp: () => move(-7),
          ArrowDown: () => move(7),
          PageUp: () => moveMonths(-1),
          PageDown: () => moveMonths(1),
          Home: () => setFocus(focus.slice(0, 8) + "01"),
          End: () => setFocus(focus.slice(0, 8) + String(days).padStart(2, "0")),
          Escape: onClose,
        };
        const act = keys[e.key];
        if (act) {
          e.preventDefault();
          e.stopPropagation();
          act();
        }
      }}
    >
      <div className="mb-2 flex items-center justify-between">
        <button type="button" className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100" aria-label="Previous month" onClick={() => moveMonths(-1)}>
          ‹
        </button>
        <p className="text-sm font-medium text-slate-900" aria-live="polite">
          {MONTHS[m]} {y}
        </p>
        <button type="button" className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100" aria-label="Next month" onClick={() => moveMonths(1)}>
          ›
        </button>
      </div>
      <div ref={grid} role="grid" aria-label={`${MONTHS[m]} ${y}`} className="grid grid-cols-7 gap-0.5 text-center text-sm">
        {WEEKDAYS.map((d) => (
          <span key={d} role="columnheader" className="py-1 text-xs font-medium text-slate-600">
            {d}
          </span>
        ))}
        {cells.map((day, i) =>
          day === null ? (
            <span key={`blank-${i}`} />
          ) : (
            <button
              key={day}
              type="button"
              role="gridcell"
              data-day={day}
              tabIndex={day === focus ? 0 : -1}
              disabled={disabled(day)}
              aria-selected={day === selected}
              aria-label={formatDayDmy(day)}
              onClick={() => onPick(day)}
              className={cn(
                "rounded py-1.5 tabular-nums hover:bg-brand-50 disabled:cursor-not-allowed disabled:text-slate-300 disabled:hover:bg-transparent",
                day === selected && "bg-brand-600 font-semibold text-white hover:bg-brand-700",
                day === today && day !== selected && "font-semibold text-brand-700 ring-1 ring-brand-300",
              )}
            >
              {Number(day.slice(8))}
            </button>
          ),
        )}
      </div>
      <div className="mt-2 flex justify-between text-xs">
        <button type="button" className="rounded px-2 py-1 text-brand-700 hover:bg-brand-50 disabled:text-slate-300" disabled={disabled(today)} onClick={() => onPick(today)}>
          Today
        </button>
        <button type="button" className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

/** The IST calendar day of an instant (the app's days are Indian days). */
function isoOf(d: Date): string {
  const ist = new Date(d.getTime() + 330 * 60_000);
  return ist.toISOString().slice(0, 10);
}
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))).toISOString().slice(0, 10);
}
