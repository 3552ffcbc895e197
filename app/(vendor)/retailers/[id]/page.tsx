import type { Metadata } from "next";
import type { ReactNode } from "react";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { getOutstanding } from "@/lib/billing/outstanding";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime, formatINR } from "@/lib/format";
import { stateName } from "@/lib/integrations/gst/states";
import { getDeliveryLocation } from "@/lib/logistics/geo/delivery-location";
import { getRetailerDetailOrThrow } from "@/lib/network/connections";
import { listPriceLists } from "@/lib/pricing/price-lists";
import { ConnectionStatusBadge, JoinRequestStatusBadge, paymentTermsLabel } from "../_components/status";
import { describeActivity } from "./activity";
import { DeliveryLocationCard } from "./delivery-location-card";
import { StatusActions } from "./status-actions";
import { TermsForm } from "./terms-form";

export const metadata: Metadata = { title: "Retailer" };

const memberRoles: Record<string, string> = { OWNER: "Owner", MEMBER: "Member", STAFF: "Staff" };

export default async function RetailerDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  if (!can(actor, "retailers.read")) redirect("/dashboard");
  const { id } = await params;
  let c;
  try {
    c = await getRetailerDetailOrThrow(makeCtx(actor), id);
  } catch (err) {
    if (err instanceof AppError && (err.code === "not_found" || err.code === "validation")) notFound();
    throw err;
  }
  // Staff who cannot see the catalog do not see (or change) the price list either.
  const priceLists = can(actor, "catalog.read") ? (await listPriceLists(makeCtx(actor), { pageSize: 100 })).items : null;
  const defaultList = priceLists?.find((l) => l.isDefault && l.active);
  const priceListNames = new Map(priceLists?.map((l) => [l.id, l.name]));
  const r = c.retailer;
  const name = r.tradeName ?? r.legalName;
  const canWrite = can(actor, "retailers.write");
  const canOrder = can(actor, "orders.read");
  const editable = canWrite && c.status !== "ENDED";
  const ship = c.shippingAddress;
  // The ledger balance (invoices − payments); c.id is already known to be this company's connection.
  const location = await getDeliveryLocation(makeCtx(actor), c.id);
  const outstanding = can(actor, "billing.read") ? await getOutstanding(makeCtx(actor).db, { companyId: actor.companyId, connectionId: c.id }) : null;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/retailers" className="hover:text-slate-800">
            ← Retailers
          </Link>
        }
        title={name}
        meta={<ConnectionStatusBadge status={c.status} />}
        description={
          <>
            {c.customerCode && (
              <>
                <span className="font-mono">{c.customerCode}</span> ·{" "}
              </>
            )}
            {r.city}, {r.stateName ?? r.stateCode}
            {c.activatedAt && <> · connected {formatDate(c.activatedAt)}</>}
          </>
        }
        actions={
          canWrite || canOrder ? (
            <div className="flex flex-wrap items-center gap-2">
              {canOrder && (
                <>
                  <Link href={`/orders?connectionId=${encodeURIComponent(c.id)}`} className={buttonClasses({ variant: "secondary" })}>
                    Orders
                  </Link>
                  {c.status === "ACTIVE" && can(actor, "orders.write") && (
                    <Link href={`/orders/new?retailer=${encodeURIComponent(c.id)}`} className={buttonClasses({ variant: "primary" })}>
                      New order
                    </Link>
                  )}
                </>
              )}
              {canWrite && <StatusActions id={c.id} status={c.status} name={name} />}
            </div>
          ) : undefined
        }
      />

      {c.status === "SUSPENDED" && (
        <Alert tone="warning" title="Suspended" className="mb-6">
          {name} cannot place new orders{c.suspendedAt ? ` since ${formatDate(c.suspendedAt)}` : ""}. Reactivate to allow orders again.
        </Alert>
      )}
      {c.status === "ENDED" && (
        <Alert tone="neutral" title="Connection ended" className="mb-6">
          This connection ended{c.endedAt ? ` on ${formatDate(c.endedAt)}` : ""}. Its terms are kept for your records and can no longer change.
        </Alert>
      )}

      {outstanding !== null && (
        <div className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-5 py-4">
          <div>
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Outstanding</p>
            <p className="mt-0.5 text-xl font-semibold text-slate-900 tabular-nums">{formatINR(outstanding)}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Link href={`/retailers/${encodeURIComponent(c.id)}/ledger`} className={buttonClasses({ variant: "secondary" })}>
              Ledger
            </Link>
            {can(actor, "payments.write") && (
              <Link href={`/payments/new?retailer=${encodeURIComponent(c.id)}`} className={buttonClasses({ variant: "secondary" })}>
                Record payment
              </Link>
            )}
          </div>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Terms" description="What this retailer buys on. Changes apply to new orders." />
            <CardBody className="py-5">
              {editable ? (
                <TermsForm
                  id={c.id}
                  retailerStateName={r.stateName}
                  priceLists={priceLists?.map((l) => ({ id: l.id, name: l.name, isDefault: l.isDefault, active: l.active })) ?? null}
                  defaults={{
                    priceListId: c.priceListId ?? "",
                    customerCode: c.customerCode ?? "",
                    creditLimit: c.creditLimit,
                    paymentTermsDays: c.paymentTermsDays,
                    shippingLine1: ship?.line1 ?? "",
                    shippingLine2: ship?.line2 ?? "",
                    shippingCity: ship?.city ?? "",
                    shippingStateCode: ship?.stateCode ?? "",
                    shippingPincode: ship?.pincode ?? "",
                    placeOfSupply: c.placeOfSupply ?? "",
                    notes: c.notes ?? "",
                  }}
                />
              ) : (
                <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-3">
                  <Item label="Customer code" value={c.customerCode ?? "—"} />
                  <Item label="Credit limit" value={formatINR(c.creditLimit)} />
                  <Item label="Payment terms" value={paymentTermsLabel(c.paymentTermsDays)} />
                  {priceLists && (
                    <Item
                      label="Price list"
                      value={c.priceList ? `${c.priceList.name}${c.priceList.active ? "" : " (inactive — buys on the default list)"}` : defaultList ? `Default (${defaultList.name})` : "Base prices"}
                    />
                  )}
                  <Item
                    label="Shipping address"
                    className="sm:col-span-2"
                    value={ship ? [ship.line1, ship.line2, ship.city, ship.pincode, ship.stateCode && stateName(ship.stateCode)].filter(Boolean).join(", ") : "Business address"}
                  />
                  <Item label="Place of supply" value={c.placeOfSupplyName ?? "—"} />
                  {c.notes && <Item label="Notes" className="sm:col-span-3" value={c.notes} />}
                </dl>
              )}
            </CardBody>
          </Card>

          <DeliveryLocationCard location={location} canEdit={editable} />

          <Card>
            <CardHeader title="Activity" />
            <CardBody className="py-5">
              {c.activity.length === 0 ? (
                <p className="text-sm text-slate-500">Nothing recorded yet.</p>
              ) : (
                <ol className="relative space-y-5 border-l border-slate-200 pl-5">
                  {c.activity.map((a) => (
                    <li key={a.id} className="relative">
                      <span aria-hidden className="absolute top-1.5 -left-[25px] size-2.5 rounded-full border-2 border-white bg-brand-500 ring-1 ring-slate-200" />
                      <p className="text-sm text-slate-800 [overflow-wrap:anywhere]">{describeActivity(a, priceListNames)}</p>
                      <p className="mt-0.5 text-xs text-slate-500">
                        {a.actorName} · <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time>
                      </p>
                    </li>
                  ))}
                </ol>
              )}
            </CardBody>
          </Card>
        </div>

        <div className="space-y-6">
          <Card>
            <CardHeader title="Business" />
            <CardBody className="space-y-4 py-5 text-sm">
              <dl className="space-y-3">
                <Item label="Legal name" value={r.legalName} />
                <Item label="GSTIN" value={<span className="font-mono">{r.gstin ?? "Not registered"}</span>} />
                <Item label="State" value={`${r.stateName ?? "—"} (${r.stateCode})`} />
                <Item
                  label="Address"
                  value={
                    <address className="not-italic">
                      {r.addressLine1}
                      {r.addressLine2 && (
                        <>
                          <br />
                          {r.addressLine2}
                        </>
                      )}
                      <br />
                      {r.city} {r.pincode}
                    </address>
                  }
                />
                {r.email && <Item label="Email" value={<a href={`mailto:${r.email}`} className="text-brand-700 hover:underline">{r.email}</a>} />}
                {r.phone && <Item label="Phone" value={<a href={`tel:${r.phone.replace(/\s/g, "")}`} className="text-brand-700 hover:underline">{r.phone}</a>} />}
              </dl>
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="Contacts" />
            <CardBody className="py-2">
              {c.contacts.length === 0 ? (
                <p className="py-3 text-sm text-slate-500">No users yet.</p>
              ) : (
                <ul className="divide-y divide-slate-100">
                  {c.contacts.map((p) => (
                    <li key={p.email} className="py-3 text-sm">
                      <p className="font-medium text-slate-900">
                        {p.name} <span className="text-xs font-normal text-slate-500">· {memberRoles[p.role] ?? p.role}</span>
                      </p>
                      <p className="text-slate-600 [overflow-wrap:anywhere]">{p.email}</p>
                      {p.phone && <p className="text-slate-600">{p.phone}</p>}
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="Join requests" />
            <CardBody className="py-2">
              {c.joinRequests.length === 0 ? (
                <p className="py-3 text-sm text-slate-500">This retailer has not sent you a join request.</p>
              ) : (
                <ul className="divide-y divide-slate-100">
                  {c.joinRequests.map((j) => (
                    <li key={j.id} className="py-3 text-sm">
                      <div className="flex items-center justify-between gap-2">
                        <time dateTime={j.createdAt} className="text-slate-600">
                          {formatDate(j.createdAt)}
                        </time>
                        <JoinRequestStatusBadge status={j.status} />
                      </div>
                      {j.message && <p className="mt-1 text-slate-700">“{j.message}”</p>}
                      {j.rejectionReason && <p className="mt-1 text-slate-600">Reason: {j.rejectionReason}</p>}
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}

function Item({ label, value, className }: { label: string; value: ReactNode; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{value}</dd>
    </div>
  );
}
