// Read-only business card body for a retailer (or any party with GST details).
import { cn } from "@/lib/cn";

export type BusinessDetails = {
  legalName: string;
  tradeName: string | null;
  gstin: string | null;
  stateCode: string;
  stateName: string | null;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  pincode: string;
  email?: string | null;
  phone?: string | null;
};

export function BusinessDetailsList({ business, contact, className }: { business: BusinessDetails; contact?: boolean; className?: string }) {
  const address = [business.addressLine1, business.addressLine2, `${business.city} ${business.pincode}`].filter(Boolean).join(", ");
  return (
    <dl className={cn("grid gap-x-6 gap-y-3 sm:grid-cols-2", className)}>
      <Item label="Legal name" value={business.legalName} />
      <Item label="Trade name" value={business.tradeName} />
      <Item label="GSTIN" value={business.gstin} mono missing="Unregistered" />
      <Item label="State" value={business.stateName ? `${business.stateName} (${business.stateCode})` : business.stateCode} />
      <Item label="Address" value={address} className="sm:col-span-2" />
      {contact && (
        <>
          <Item label="Email" value={business.email} />
          <Item label="Phone" value={business.phone} />
        </>
      )}
    </dl>
  );
}

function Item({ label, value, mono, missing = "—", className }: { label: string; value: string | null | undefined; mono?: boolean; missing?: string; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className={cn("mt-0.5", value ? "text-slate-900" : "text-slate-500", value && mono && "font-mono text-[13px]")}>{value || missing}</dd>
    </div>
  );
}
