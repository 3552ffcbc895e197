import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { getOrderOrThrow } from "@/lib/orders/get-order-or-throw";
import { istDay } from "@/lib/pricing/dates";
import { PartialInvoiceForm } from "../../../invoices/_components/partial-invoice-form";

export const metadata: Metadata = { title: "Invoice order" };

export default async function InvoiceOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  if (!can(actor, "billing.write")) redirect("/orders");
  const { id } = await params;
  const order = await getOrderOrThrow(makeCtx(actor), id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/orders/${id}`} className="hover:underline">{order.number}</Link>}
        title="Invoice order"
        description={`${order.retailer.name}: choose how much of each line to invoice now. The rest can go on a later invoice.`}
      />
      <PartialInvoiceForm
        orderId={id}
        today={istDay(new Date())}
        lines={order.lines.map((l) => ({ id: l.id, name: l.name, sku: l.sku, unit: l.unit, unitPrice: l.unitPrice, freeGoods: l.freeGoods, quantity: l.quantity, returnedQty: l.returnedQty, invoicedQty: l.invoicedQty }))}
      />
    </>
  );
}
