import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { OrderStatusBadge } from "@/app/(vendor)/orders/_components/order-status";
import { Timeline } from "@/app/(vendor)/orders/[id]/timeline";
import { ChevronLeftIcon } from "@/components/shell/icons";
import { PostalAddress } from "@/components/ui/postal-address";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireRetailer } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime, formatINR, formatQuantity } from "@/lib/format";
import { OrderTrackingCard } from "@/app/(vendor)/shipments/_components/order-tracking-card";
import { getOrderTracking } from "@/lib/logistics/tracking/get-order-tracking";
import { getOrderOrThrow } from "@/lib/orders/get-order-or-throw";
import type { OrderView } from "@/lib/orders/views";
import { one, type SearchParams } from "@/lib/search-params";
import { CancelOrderButton } from "./cancel-order-button";
import { ReorderButton } from "./reorder-button";
import { StatusStepper } from "./status-stepper";

export const metadata: Metadata = { title: "Order" };

export default async function PortalOrderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requireRetailer();
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const order = await getOrderOrThrow(makeCtx(actor), id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const tracking = await getOrderTracking(makeCtx(actor), order.id);
  const canCancel = order.availableActions.includes("cancel");
  const canReorder = order.status !== "DRAFT";

  return (
    <>
      <header className="mb-6">
        <Link href="/portal/orders" className="mb-1.5 inline-flex items-center gap-1 text-[13px] text-slate-500 hover:text-slate-800">
          <ChevronLeftIcon className="size-4" />
          Orders
        </Link>
        <div className="flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-x-2.5 gap-y-1">
              <h1 className="font-mono text-xl font-semibold tracking-tight text-slate-900">{order.number}</h1>
              <OrderStatusBadge status={order.status} creditHold={order.creditHold} />
            </div>
            <p className="mt-1 text-sm text-slate-500">
              {order.vendor.name}
              {order.placedAt ? ` · placed ${formatDateTime(order.placedAt)}` : ""}
            </p>
          </div>
          {(canCancel || canReorder) && (
            <div className="flex flex-wrap items-start gap-2">
              {canCancel && <CancelOrderButton orderId={order.id} number={order.number} />}
              {canReorder && <ReorderButton orderId={order.id} />}
            </div>
          )}
        </div>
      </header>

      {one(sp.placed) && order.status === "PLACED" && (
        <Alert tone="success" title="Order placed" className="mb-6">
          {order.vendor.name} has your order and will confirm it. You can cancel it here until they do.
        </Alert>
      )}
      {order.creditHold && order.status === "PLACED" && (
        <Alert tone="warning" title="Waiting for credit approval" className="mb-6">
          {order.holdReason ?? "This order is over your credit limit."} Your stock is held; {order.vendor.name} will release the order or contact you.
        </Alert>
      )}
      {order.status === "CANCELLED" && (
        <Alert tone="danger" title={`Cancelled${order.cancelledAt ? ` on ${formatDate(order.cancelledAt)}` : ""}`} className="mb-6">
          {order.cancelReason ?? "No reason given."}
        </Alert>
      )}

      <Card className="mb-6">
        <CardBody className="py-5">
          <StatusStepper order={order} />
        </CardBody>
      </Card>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Products" description={`${order.lines.length} ${order.lines.length === 1 ? "line" : "lines"} · ${order.taxType === "intra" ? "CGST + SGST" : "IGST"} (place of supply ${order.shippingAddress.stateName})`} />
            <OrderLines order={order} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Delivery" />
            <CardBody className="space-y-4 text-sm">
              <PostalAddress address={order.shippingAddress} />
              {(order.buyerReference || order.notes) && (
                <dl className="space-y-2 border-t border-slate-100 pt-3">
                  {order.buyerReference && (
                    <div>
                      <dt className="text-xs text-slate-500">Your reference</dt>
                      <dd className="text-slate-900">{order.buyerReference}</dd>
                    </div>
                  )}
                  {order.notes && (
                    <div>
                      <dt className="text-xs text-slate-500">Notes</dt>
                      <dd className="whitespace-pre-line text-slate-900">{order.notes}</dd>
                    </div>
                  )}
                </dl>
              )}
              {order.delivery && <DeliveryProof order={order} />}
            </CardBody>
          </Card>
          <OrderTrackingCard tracking={tracking} orderId={order.id} staff={false} title="Tracking" />
          <Card>
            <CardHeader title="History" />
            <Timeline entries={order.timeline} />
          </Card>
        </div>
      </div>
    </>
  );
}

function DeliveryProof({ order }: { order: OrderView }) {
  const d = order.delivery!;
  const photo = `/api/v1/orders/${order.id}/delivery-photo`;
  return (
    <div className="border-t border-slate-100 pt-3">
      <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Proof of delivery</h3>
      <p className="mt-1 text-slate-900">
        {d.receivedBy ? `Received by ${d.receivedBy}` : "Delivered"}
        {order.deliveredAt && <span className="text-slate-500"> · {formatDateTime(order.deliveredAt)}</span>}
      </p>
      {d.note && <p className="mt-1 text-slate-600">{d.note}</p>}
      {d.hasPhoto && (
        <a href={photo} target="_blank" rel="noreferrer" className="mt-2 block w-fit overflow-hidden rounded-lg border border-slate-200">
          {/* eslint-disable-next-line @next/next/no-img-element -- a private, authenticated image route */}
          <img src={photo} alt={`Delivery photo of order ${order.number}`} className="h-32 w-auto object-cover" />
        </a>
      )}
    </div>
  );
}

function OrderLines({ order }: { order: OrderView }) {
  const t = order.totals;
  const intra = order.taxType === "intra";
  const rows: [string, string][] = [["Taxable value", t.taxable], ...(intra ? ([["CGST", t.cgst], ["SGST", t.sgst]] as [string, string][]) : ([["IGST", t.igst]] as [string, string][]))];
  if (Number(t.cess) > 0) rows.push(["Cess", t.cess]);
  const returned = Number(t.returned) > 0;
  return (
    <>
      {/* Phone: one block per line. */}
      <ul className="divide-y divide-slate-100 md:hidden">
        {order.lines.map((l) => (
          <li key={l.id} className="px-4 py-3 text-sm">
            <div className="flex justify-between gap-3">
              <span className="min-w-0 font-medium text-slate-900">
                {l.name}
                {l.freeGoods && <span className="ml-1 text-xs font-medium text-success-700">Free goods</span>}
              </span>
              <span className="shrink-0 font-semibold text-slate-900 tabular-nums">{formatINR(l.lineTotal)}</span>
            </div>
            <p className="mt-0.5 text-xs text-slate-500 tabular-nums">
              {formatQuantity(l.quantity, l.unit)} × {l.freeGoods ? "free" : formatINR(l.unitPrice)} · taxable {formatINR(l.taxableValue)} · GST {formatQuantity(l.gstRate)}% {formatINR(lineTax(l))}
            </p>
            {Number(l.returnedQty) > 0 && <p className="mt-0.5 text-xs text-warning-800">Returned {formatQuantity(l.returnedQty, l.unit)}</p>}
          </li>
        ))}
      </ul>
      {/* From md up: a table. */}
      <div className="hidden md:block">
        <Table wrapperClassName="rounded-none border-0 border-b">
          <THead>
            <Tr>
              <Th>Product</Th>
              <Th numeric>Qty</Th>
              <Th numeric>Rate</Th>
              <Th numeric>Taxable</Th>
              <Th numeric>GST</Th>
              <Th numeric>Total</Th>
            </Tr>
          </THead>
          <TBody>
            {order.lines.map((l) => (
              <Tr key={l.id}>
                <Td>
                  <span className="block font-medium text-slate-900">
                    {l.name}
                    {l.freeGoods && <span className="ml-1 text-xs font-medium text-success-700">Free goods</span>}
                  </span>
                  <span className="block text-xs text-slate-500">
                    <span className="font-mono">{l.sku}</span> · HSN {l.hsnCode}
                    {Number(l.returnedQty) > 0 && <span className="text-warning-800"> · returned {formatQuantity(l.returnedQty, l.unit)}</span>}
                  </span>
                </Td>
                <Td numeric>{formatQuantity(l.quantity, l.unit)}</Td>
                <Td numeric>{l.freeGoods ? "Free" : formatINR(l.unitPrice)}</Td>
                <Td numeric>{formatINR(l.taxableValue)}</Td>
                <Td numeric>
                  <span className="block">{formatINR(lineTax(l))}</span>
                  <span className="block text-xs text-slate-500">{formatQuantity(l.gstRate)}%</span>
                </Td>
                <Td numeric className="font-medium">
                  {formatINR(l.lineTotal)}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
      <dl className="space-y-1 px-4 py-4 text-sm sm:px-5">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between text-slate-600">
            <dt>{label}</dt>
            <dd className="tabular-nums">{formatINR(value)}</dd>
          </div>
        ))}
        <div className="flex justify-between pt-1 text-base font-semibold text-slate-900">
          <dt>Total</dt>
          <dd className="tabular-nums">{formatINR(t.grandTotal)}</dd>
        </div>
        {returned && (
          <div className="flex justify-between text-warning-800">
            <dt>Returned</dt>
            <dd className="tabular-nums">−{formatINR(t.returned)}</dd>
          </div>
        )}
      </dl>
    </>
  );
}

function lineTax(l: OrderView["lines"][number]) {
  // Sum of paisa amounts as integers, so no float ever touches money.
  const paise = [l.cgstAmount, l.sgstAmount, l.igstAmount, l.cessAmount].reduce((n, v) => n + BigInt(v.replace(".", "")), 0n);
  const s = paise.toString().padStart(3, "0");
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}
