// Filters of the invoices list as a plain GET form: the filter lives in the URL and the server
// component re-reads the list (works without JavaScript too).
import { DateInput } from "@/components/ui/date-input";
import { SearchIcon } from "@/components/shell/icons";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export type InvoiceFilterValues = { q: string; payment: string; from: string; to: string; eInvoiceStatus: string };

export function InvoiceFilters({ values, hidden = {}, showEInvoice = true }: { values: InvoiceFilterValues; hidden?: Record<string, string | undefined>; showEInvoice?: boolean }) {
  return (
    <form method="get" className="mt-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filter documents">
      {Object.entries(hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <label className="relative w-full sm:w-56">
        <span className="sr-only">Search</span>
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500" />
        <Input name="q" defaultValue={values.q} placeholder="Number, retailer or GSTIN" className="pl-9" />
      </label>
      <label className="w-36">
        <span className="sr-only">Payment</span>
        <Select name="payment" defaultValue={values.payment} options={[{ value: "", label: "Any payment" }, { value: "unpaid", label: "Unpaid" }, { value: "partly_paid", label: "Partly paid" }, { value: "paid", label: "Paid" }, { value: "overdue", label: "Overdue" }]} />
      </label>
      {showEInvoice && (
        <label className="w-40">
          <span className="sr-only">E-invoice</span>
          <Select name="eInvoiceStatus" defaultValue={values.eInvoiceStatus} options={[{ value: "", label: "Any IRN status" }, { value: "PENDING", label: "IRN pending" }, { value: "GENERATED", label: "IRN generated" }, { value: "FAILED", label: "IRN failed" }, { value: "NOT_REQUIRED", label: "Not required" }, { value: "CANCELLED", label: "IRN cancelled" }]} />
        </label>
      )}
      <label className="flex items-center gap-2 text-sm text-slate-600">
        From <DateInput name="from" defaultValue={values.from} className="w-36" />
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-600">
        To <DateInput name="to" defaultValue={values.to} className="w-36" />
      </label>
      <button type="submit" className={buttonClasses({ variant: "secondary" })}>
        Apply
      </button>
    </form>
  );
}
