import { buttonClasses } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { fpOfDay, parseReturnPeriod, previousFp } from "@/lib/reporting/gst/period";

/** The return period picker: a plain GET form, so the period lives in the URL. */
export function PeriodForm({ fp, frequency, tab, today }: { fp: string; frequency: "monthly" | "quarterly"; tab: string; today: string }) {
  // The last 36 months, newest first (the current month too: a return can be prepared early).
  const months: { value: string; label: string }[] = [];
  let m = fpOfDay(today);
  for (let i = 0; i < 36; i++) {
    const p = parseReturnPeriod(m);
    if (!p) break;
    months.push({ value: m, label: p.label });
    m = previousFp(m);
  }
  if (!months.some((o) => o.value === fp)) months.push({ value: fp, label: parseReturnPeriod(fp)?.label ?? fp });
  return (
    <form className="flex flex-wrap items-end gap-3" action="/reports/gst" aria-label="Return period">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="fp">Period (a quarter by its last month)</Label>
        <Select id="fp" name="fp" defaultValue={fp} options={months} className="w-56" />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="frequency">Filing</Label>
        <Select id="frequency" name="frequency" defaultValue={frequency} options={[{ value: "monthly", label: "Monthly" }, { value: "quarterly", label: "Quarterly (QRMP)" }]} className="w-48" />
      </div>
      {tab !== "gstr1" && <input type="hidden" name="tab" value={tab} />}
      <button type="submit" className={buttonClasses({ variant: "secondary" })}>
        Show
      </button>
    </form>
  );
}
