import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { plainQuantity } from "@/lib/format";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { getOrderOrThrow } from "@/lib/orders/get-order-or-throw";
import { OrderForm } from "../../_components/order-form";

export const metadata: Metadata = { title: "Edit order" };

const sourceLabels: Record<string, string> = { retailer_list: "Retailer's price list", default_list: "Default price list", base_price: "Base price", free_goods: "Free goods" };

export default async function EditOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const { id } = await params;
  const order = await getOrderOrThrow(makeCtx(actor), id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  if (!order.availableActions.includes("edit")) redirect(`/orders/${order.id}`);
  const a = order.shippingAddress;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/orders/${order.id}`} className="hover:text-slate-800">
            ← <span className="font-mono">{order.number}</span>
          </Link>
        }
        title={
          <>
            Edit <span className="font-mono">{order.number}</span>
          </>
        }
        description="Change quantities, add or remove products. Unchanged lines keep their price; changed and new lines are priced today. The stock reservation and the credit check follow the new lines."
      />
      <Card className="max-w-5xl">
        <CardBody className="py-6">
          <OrderForm
            mode="edit"
            edit={{
              orderId: order.id,
              number: order.number,
              retailer: { connectionId: order.connectionId, name: order.retailer.name, customerCode: order.retailer.customerCode, gstin: order.retailer.gstin, defaultAddress: { name: a.name, line1: a.line1, line2: a.line2 ?? "", city: a.city, stateCode: a.stateCode, pincode: a.pincode } },
              lines: order.lines.map((l) => ({
                productId: l.productId,
                quantity: plainQuantity(l.quantity),
                freeGoods: l.freeGoods,
                product: { id: l.productId, sku: l.sku, name: l.name, unit: l.unit, costPrice: null, onHand: "0", available: "0" },
                price: { quantity: l.quantity, unitPrice: l.unitPrice, source: `Order price (${sourceLabels[l.priceSource] ?? l.priceSource})`, taxInclusive: l.taxInclusive, gstRate: l.gstRate, nextSlab: null },
              })),
              shippingAddress: { name: a.name, line1: a.line1, line2: a.line2 ?? "", city: a.city, stateCode: a.stateCode, pincode: a.pincode },
              buyerReference: order.buyerReference ?? "",
              notes: order.notes ?? "",
            }}
          />
        </CardBody>
      </Card>
    </>
  );
}
