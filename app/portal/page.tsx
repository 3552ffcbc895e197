import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { BusinessDetailsList } from "@/components/shell/business-details";
import { CartIcon, CheckCircleIcon, ChevronRightIcon, StoreIcon, TruckIcon } from "@/components/shell/icons";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRetailer } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatEta, formatINR, formatQuantity } from "@/lib/format";
import { getMyBusiness, listMyVendors } from "@/lib/network/my-vendors";
import { getMyHome, USUAL_ITEMS_DAYS, type MyHome } from "@/lib/portal/get-my-home";
import { PayNowButton } from "./invoices/_components/pay-now-button";
import { ReorderItemButton } from "./_components/reorder-item-button";

export const metadata: Metadata = { title: "Retailer portal" };

const statusTone: Record<string, { tone: BadgeTone; label: string }> = {
  ACTIVE: { tone: "success", label: "Active" },
  PENDING: { tone: "warning", label: "Pending" },
  SUSPENDED: { tone: "danger", label: "On hold" },
  ENDED: { tone: "neutral", label: "Ended" },
};

export default async function PortalHome() {
  const actor = await requireRetailer();
  const ctx = makeCtx(actor);
  const [business, vendors, home] = await Promise.all([getMyBusiness(ctx), listMyVendors(ctx), getMyHome(ctx)]);
  const current = vendors.filter((v) => v.status !== "ENDED");
  const firstName = actor.name.split(/\s+/)[0] ?? actor.name;

  return (
    <>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Namaste, {firstName}</h1>
        <p className="mt-1 text-sm text-slate-500">
          Your portal for <span className="font-medium text-slate-700">{business.tradeName ?? business.legalName}</span>: what you owe, what is on
          the way and what you usually order.
        </p>
      </header>

      {current.length > 0 && (
        <div className="mb-6 space-y-6">
          <Dues dues={home.dues} />
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
            <OnTheWay orders={home.onTheWay} today={home.asOf} />
            <UsualItems items={home.usualItems} />
          </div>
        </div>
      )}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <CardHeader
            title="My vendors"
            description={current.length ? `${current.length} ${current.length === 1 ? "vendor" : "vendors"}` : undefined}
            actions={
              current.length ? (
                <Link href="/portal/vendors" className={buttonClasses({ variant: "ghost", size: "sm" })}>
                  View all
                </Link>
              ) : undefined
            }
          />
          {current.length === 0 ? (
            <EmptyState
              icon={<StoreIcon />}
              title="No vendor connections yet"
              description="Vendors invite you by email, or you can ask to join a vendor with the code they share with you. Once a vendor connects you, you can see their catalogue and order here."
              action={
                <Link href="/portal/vendors/join" className={buttonClasses({ variant: "secondary" })}>
                  Request to join a vendor
                </Link>
              }
            />
          ) : (
            <ul className="divide-y divide-slate-100">
              {current.slice(0, 6).map((v) => {
                const s = statusTone[v.status] ?? { tone: "neutral" as const, label: v.status };
                return (
                  <li key={v.connectionId}>
                    <Link href="/portal/vendors" className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
                      <span aria-hidden className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-slate-900 text-[11px] font-semibold text-white">
                        {v.vendor.code.slice(0, 2)}
                      </span>
                      <span className="min-w-0 flex-1">
                        <span className="block truncate font-medium text-slate-900">{v.vendor.name}</span>
                        <span className="block truncate text-xs text-slate-500">
                          {[v.vendor.city, v.vendor.stateName].filter(Boolean).join(", ")}
                          {v.customerCode ? ` · Your code ${v.customerCode}` : ""}
                        </span>
                      </span>
                      <Badge tone={s.tone} dot>
                        {s.label}
                      </Badge>
                      <ChevronRightIcon className="size-4 shrink-0 text-slate-500" />
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>

        <Card className="lg:col-span-2">
          <CardHeader
            title="Your business"
            actions={
              <Link href="/portal/profile" className={buttonClasses({ variant: "secondary", size: "sm" })}>
                View
              </Link>
            }
          />
          <CardBody>
            <BusinessDetailsList business={business} className="sm:grid-cols-1" />
          </CardBody>
        </Card>
      </div>
    </>
  );
}

function Dues({ dues }: { dues: MyHome["dues"] }) {
  return (
    <section aria-labelledby="dues-heading">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="dues-heading" className="text-[15px] font-semibold text-slate-900">
          Amount due
        </h2>
        <Link href="/portal/statement" className="text-sm font-medium text-brand-700 hover:underline">
          Statements
        </Link>
      </div>
      {dues.length === 0 ? (
        <Card>
          <CardBody className="flex items-center gap-2 text-sm text-slate-600">
            <CheckCircleIcon className="size-4 text-success-600" />
            Nothing due: you are all paid up.
          </CardBody>
        </Card>
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-label="Amount due per vendor">
          {dues.map((d) => {
            const overdue = d.overdue !== "0.00";
            return (
              <li key={d.connectionId} className="flex flex-col rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-card">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-slate-900">{d.vendor.name}</p>
                    <p className="mt-1 text-xl font-semibold text-slate-900 tabular-nums" aria-label={`Outstanding with ${d.vendor.name}`}>
                      {formatINR(d.outstanding)}
                    </p>
                  </div>
                  {overdue ? (
                    <Badge tone="danger" dot>
                      Overdue {formatINR(d.overdue)}
                    </Badge>
                  ) : (
                    <Badge tone="success">Nothing overdue</Badge>
                  )}
                </div>
                <p className="mt-1 text-xs text-slate-600">
                  {d.openDocuments} open {d.openDocuments === 1 ? "invoice" : "invoices"}
                  {d.nextDueDate && <> · next due {formatDate(d.nextDueDate)}</>}
                </p>
                <div className="mt-3 flex flex-wrap items-center justify-end gap-2">
                  <Link href={`/portal/statement?vendor=${d.vendor.code}`} className={buttonClasses({ variant: "ghost", size: "sm" })}>
                    Statement
                  </Link>
                  {d.payOnline ? (
                    <PayNowButton connectionId={d.connectionId} size="sm" label={`Pay ${formatINR(d.outstanding)}`} />
                  ) : (
                    <span className="text-xs text-slate-500">Pays offline (NEFT, UPI, cheque)</span>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function UsualItems({ items }: { items: MyHome["usualItems"] }) {
  return (
    <Card className="lg:order-first lg:col-span-3">
      <CardHeader
        title="Order again"
        description={`What you ordered most in the last ${USUAL_ITEMS_DAYS} days; one click adds the last quantity to that vendor's cart.`}
        actions={
          <Link href="/portal/cart" className={buttonClasses({ variant: "ghost", size: "sm" })}>
            Cart
          </Link>
        }
      />
      {items.length === 0 ? (
        <EmptyState
          icon={<CartIcon />}
          title="No orders in the last 90 days"
          description="Your usual items show up here once you order."
          action={
            <Link href="/portal/catalog" className={buttonClasses({ variant: "secondary" })}>
              Browse the catalog
            </Link>
          }
        />
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Usual items">
          {items.map((u) => (
            <li key={`${u.vendor.code}-${u.productId}`} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-5 py-3">
              <div className="min-w-48 flex-1">
                <p className="text-sm font-medium text-slate-900">{u.name}</p>
                <p className="text-xs text-slate-600">
                  {u.vendor.name} · last {formatQuantity(u.lastQuantity, u.unit)} on {formatDate(u.lastOrderedAt)} · {u.timesOrdered}× in {USUAL_ITEMS_DAYS} days
                </p>
              </div>
              <ReorderItemButton vendorCode={u.vendor.code} productId={u.productId} name={u.name} quantity={u.lastQuantity} unit={u.unit} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

const stages: Record<MyHome["onTheWay"][number]["stage"], { tone: BadgeTone; label: string }> = {
  scheduled: { tone: "brand", label: "On a delivery trip" },
  dispatched: { tone: "neutral", label: "Dispatched" },
  out_for_delivery: { tone: "info", label: "Out for delivery" },
};

function OnTheWay({ orders, today }: { orders: MyHome["onTheWay"]; today: string }) {
  return (
    <Card className="lg:col-span-2">
      <CardHeader title="On the way" description={orders.length ? undefined : "Nothing is on the road to you right now."} />
      {orders.length > 0 && (
        <ul className="divide-y divide-slate-100" aria-label="Orders on the way">
          {orders.map((o) => (
            <li key={o.id}>
              <Link href={`/portal/orders/${o.id}`} className="flex items-start gap-3 px-5 py-3 hover:bg-slate-50">
                <TruckIcon className="mt-0.5 size-5 shrink-0 text-slate-500" />
                <span className="min-w-0 flex-1">
                  <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <span className="font-mono text-[13px] font-medium text-slate-900">{o.number}</span>
                    <Badge tone={stages[o.stage].tone} dot>
                      {stages[o.stage].label}
                    </Badge>
                  </span>
                  <span className="mt-0.5 block truncate text-xs text-slate-600">
                    {o.vendor.name} · {formatINR(o.grandTotal)}
                  </span>
                  <span className="block text-xs text-slate-600">
                    {o.eta ? (
                      <span className="font-medium text-slate-900">Arrives around {formatEta(o.eta, today)}</span>
                    ) : o.dispatchedAt ? (
                      <>Left the godown {formatDate(o.dispatchedAt)}</>
                    ) : o.trip ? (
                      <>On the delivery trip of {formatDate(o.trip.tripDate)}</>
                    ) : null}
                    {o.courier?.name && <> · {o.courier.name}{o.courier.awbNumber ? ` ${o.courier.awbNumber}` : ""}</>}
                  </span>
                </span>
                <ChevronRightIcon className="mt-1 size-4 shrink-0 text-slate-500" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
