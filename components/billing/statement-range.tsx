// The statement's period picker (a plain GET form, so the period lives in the URL) and the note
// shown when a typed period was refused; used by the vendor's ledger and the retailer's statement.
import { DateInput } from "@/components/ui/date-input";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Label } from "@/components/ui/label";

export function StatementRangeForm({ action, from, to, hidden, children }: { action: string; from: string; to: string; hidden?: Record<string, string>; children?: ReactNode }) {
  return (
    <form className="flex flex-wrap items-end gap-3" action={action}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="from">From</Label>
        <div className="w-44">
          <DateInput id="from" name="from" defaultValue={from} />
        </div>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="to">To</Label>
        <div className="w-44">
          <DateInput id="to" name="to" defaultValue={to} />
        </div>
      </div>
      <button type="submit" className={buttonClasses({ variant: "secondary" })}>
        Show
      </button>
      {children}
    </form>
  );
}

export function RangeRefused({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert tone="danger" className="mt-4">
      {message}. Showing this financial year instead.
    </Alert>
  );
}
