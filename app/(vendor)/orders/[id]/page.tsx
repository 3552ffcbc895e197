import type { Metadata } from "next";
import type { ReactNode } from "react";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { PostalAddress } from "@/components/ui/postal-address";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format";
import { stateName } from "@/lib/integrations/gst/states";
import { getOrderTracking } from "@/lib/logistics/tracking/get-order-tracking";
import { getOrderOrThrow } from "@/lib/orders/get-order-or-throw";
import { one, type SearchParams } from "@/lib/search-params";
import { OrderInvoicesCard } from "../../invoices/_components/order-invoices-card";
import { OrderTrackingCard } from "../../shipments/_components/order-tracking-card";
import { OrderStatusBadge } from "../_components/order-status";
import { ReleaseHoldButton } from "../_components/release-hold-button";
import { OrderActions } from "./order-actions";
import { OrderLines } from "./order-lines";
import { Timeline } from "./timeline";

export const metadata: Metadata = { title: "Order" };

const doneMessages: Record<string, { title: string; body: string }> = {
  placed: { title: "Order placed", body: "The stock is reserved and the retailer is notified." },
  saved: { title: "Draft saved", body: "Nothing is reserved yet. Place the order when it is ready." },
  edited: { title: "Order updated", body: "Prices of changed lines are today's; the stock reservation follows the new quantities." },
};

const sourceLabels = { PORTAL: "Retailer portal", API: "App / API", STAFF: "Entered by staff" } as const;

export default async function OrderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "orders.read")) redirect("/dashboard");
  const { id } = await params;
  const done = doneMessages[one((await searchParams).done) ?? ""];
  const order = await getOrderOrThrow(makeCtx(actor), id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const actions = order.availableActions;
  const tracking = can(actor, "logistics.read") ? await getOrderTracking(makeCtx(actor), order.id) : null;
  const showPickList = !["DRAFT", "CANCELLED"].includes(order.status);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/orders" className="hover:text-slate-800">
            ← Orders
          </Link>
        }
        title={<span className="font-mono">{order.number}</span>}
        meta={<OrderStatusBadge status={order.status} creditHold={order.creditHold} />}
        description={
          <>
            {order.retailer.name} · {order.placedAt ? `placed ${formatDateTime(order.placedAt)}` : `draft saved ${formatDateTime(order.createdAt)}`} · {sourceLabels[order.source]}
          </>
        }
        actions={
          <>
            {showPickList && (
              <Link href={`/orders/${order.id}/pick-list`} className={buttonClasses({ variant: "secondary" })}>
                Pick list
              </Link>
            )}
            {actions.includes("edit") && (
              <Link href={`/orders/${order.id}/edit`} className={buttonClasses({ variant: "secondary" })}>
                Edit order
              </Link>
            )}
            <OrderActions
              order={{
                id: order.id,
                number: order.number,
                status: order.status,
                actions: actions.filter((a) => a !== "edit" && a !== "release_hold"),
                lines: order.lines.map((l) => ({ productId: l.productId, freeGoods: l.freeGoods, name: l.name, sku: l.sku, unit: l.unit, quantity: l.quantity, returnedQty: l.returnedQty })),
              }}
            />
          </>
        }
      />

      <div className="space-y-4">
        {done && (
          <Alert tone="success" title={done.title}>
            {done.body}
          </Alert>
        )}
        {order.creditHold && order.status === "PLACED" && (
          <Alert
            tone="warning"
            title="On credit hold"
            actions={actions.includes("release_hold") ? <ReleaseHoldButton label="Release credit hold" orderId={order.id} number={order.number} retailer={order.retailer.name} amount={order.totals.grandTotal} reason={order.holdReason} /> : undefined}
          >
            <p>{order.holdReason ?? "This order is over the retailer's credit limit."}</p>
            <p>It cannot be confirmed until someone who approves credit releases it.</p>
          </Alert>
        )}
        {order.status === "CANCELLED" && (
          <Alert tone="danger" title={`Cancelled${order.cancelledAt ? ` on ${formatDate(order.cancelledAt)}` : ""}`}>
            {order.cancelReason ?? "No reason given."}
          </Alert>
        )}
        {order.status === "DRAFT" && (
          <Alert tone="info" title="Draft">
            A draft reserves no stock and is not checked against credit. Placing it prices the lines again at today&rsquo;s prices.
          </Alert>
        )}

        <OrderLines lines={order.lines} totals={order.totals} taxType={order.taxType} />

        <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <Card>
            <CardHeader title="Timeline" description="Every step of this order, oldest first." />
            <Timeline entries={order.timeline} />
          </Card>
          <div className="space-y-4">
            <Card>
              <CardHeader title="Details" />
              <Details
                rows={[
                  ["Retailer", <RetailerCell key="r" order={order} canSee={can(actor, "retailers.read")} />],
                  ["GSTIN", order.retailer.gstin ? <span className="font-mono text-[13px]">{order.retailer.gstin}</span> : "Unregistered"],
                  ["Place of supply", `${stateName(order.placeOfSupply) ?? order.placeOfSupply} (${order.placeOfSupply})`],
                  ["Tax", order.taxType === "intra" ? "CGST + SGST (within state)" : "IGST (inter-state)"],
                  ["Warehouse", `${order.warehouse.code} · ${order.warehouse.name}`],
                  ...(order.buyerReference ? [["Buyer's ref.", order.buyerReference] as [string, ReactNode]] : []),
                ]}
              />
            </Card>
            <OrderInvoicesCard actor={actor} order={order} />
            {tracking && <OrderTrackingCard tracking={{ ...tracking, canCreateShipment: tracking.canCreateShipment && can(actor, "logistics.write") }} orderId={order.id} staff />}
            <Card>
              <CardHeader title="Ship to" />
              <PostalAddress address={order.shippingAddress} className="px-5 py-4 text-sm" />
            </Card>
            {order.delivery && (
              <Card>
                <CardHeader title="Proof of delivery" />
                <Details
                  rows={[
                    ["Received by", order.delivery.receivedBy ?? "—"],
                    ["Delivered", order.deliveredAt ? formatDateTime(order.deliveredAt) : "—"],
                    ...(order.delivery.note ? [["Note", order.delivery.note] as [string, ReactNode]] : []),
                  ]}
                />
                {order.delivery.hasPhoto && (
                  <a href={`/api/v1/orders/${order.id}/delivery-photo`} target="_blank" rel="noreferrer" className="block border-t border-slate-100 p-3">
                    {/* The photo comes from the API route (session-authenticated); next/image would need a loader for it. */}
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    <img src={`/api/v1/orders/${order.id}/delivery-photo`} alt={`Delivery photo of ${order.number}`} className="max-h-64 w-full rounded-md bg-slate-50 object-contain" />
                  </a>
                )}
              </Card>
            )}
            {order.notes && (
              <Card>
                <CardHeader title="Notes" />
                <p className="px-5 py-4 text-sm whitespace-pre-line text-slate-700">{order.notes}</p>
              </Card>
            )}
          </div>
        </div>
      </div>
    </>
  );
}

function RetailerCell({ order, canSee }: { order: { connectionId: string; retailer: { name: string; customerCode: string | null } }; canSee: boolean }) {
  return (
    <span>
      {canSee ? (
        <Link href={`/retailers/${order.connectionId}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
          {order.retailer.name}
        </Link>
      ) : (
        <span className="font-medium text-slate-900">{order.retailer.name}</span>
      )}
      {order.retailer.customerCode && <span className="block font-mono text-xs text-slate-500">{order.retailer.customerCode}</span>}
    </span>
  );
}

function Details({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="flex justify-between gap-4 px-5 py-2.5">
          <dt className="shrink-0 text-slate-500">{k}</dt>
          <dd className="text-right text-slate-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

