// A postal address as Indian invoices and delivery notes print it: name, street lines, then
// "City, State PIN". Used wherever an order's ship-to is shown.
import { cn } from "@/lib/cn";
import { stateName } from "@/lib/integrations/gst/states";

export type PostalAddressValue = { name: string; line1: string; line2?: string | null; city: string; pincode: string; stateCode?: string | null; stateName?: string | null };

export function PostalAddress({ address: a, className }: { address: PostalAddressValue; className?: string }) {
  const state = a.stateName ?? (a.stateCode ? (stateName(a.stateCode) ?? a.stateCode) : null);
  return (
    <address className={cn("leading-6 text-slate-700 not-italic", className)}>
      <span className="font-medium text-slate-900">{a.name}</span>
      <br />
      {a.line1}
      {a.line2 && (
        <>
          <br />
          {a.line2}
        </>
      )}
      <br />
      {a.city}
      {state ? `, ${state}` : ""} {a.pincode}
    </address>
  );
}
