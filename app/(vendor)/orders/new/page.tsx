import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { listWarehouses } from "@/lib/inventory/warehouses";
import { listRetailers } from "@/lib/network/connections";
import { one, type SearchParams } from "@/lib/search-params";
import { OrderForm, type RetailerOption } from "../_components/order-form";

export const metadata: Metadata = { title: "New order" };

export default async function NewOrderPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "orders.write") || !can(actor, "retailers.read")) redirect("/orders");
  const ctx = makeCtx(actor);
  const [connections, warehouses] = await Promise.all([
    listRetailers(ctx, { status: "ACTIVE", sort: "name", pageSize: 100 }),
    can(actor, "inventory.read") ? listWarehouses(ctx, { status: "active" }).then((w) => w.items) : Promise.resolve([]),
  ]);
  const retailers: RetailerOption[] = connections.items.map((c) => {
    const r = c.retailer!;
    const name = r.tradeName ?? r.legalName;
    const s = c.shippingAddress;
    return {
      connectionId: c.id,
      name,
      customerCode: c.customerCode,
      gstin: r.gstin,
      defaultAddress:
        s?.line1 && s.city && s.stateCode && s.pincode
          ? { name, line1: s.line1, line2: s.line2 ?? "", city: s.city, stateCode: s.stateCode, pincode: s.pincode }
          : { name, line1: r.addressLine1 ?? "", line2: r.addressLine2 ?? "", city: r.city ?? "", stateCode: r.stateCode, pincode: r.pincode ?? "" },
    };
  });
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/orders" className="hover:text-slate-800">
            ← Orders
          </Link>
        }
        title="New order"
        description="An order on behalf of a retailer, at their prices. Placing it reserves the stock and checks their credit limit; a draft does neither."
      />
      {retailers.length === 0 ? (
        <EmptyState
          bordered
          title="No retailer can order yet"
          description="Orders are taken for retailers with an active connection. Invite a retailer or approve a join request first."
          action={
            <Link href="/retailers" className={buttonClasses()}>
              Go to retailers
            </Link>
          }
        />
      ) : (
        <Card className="max-w-5xl">
          <CardBody className="py-6">
            <OrderForm
              mode="new"
              retailers={retailers}
              warehouses={warehouses.map((w) => ({ id: w.id, code: w.code, name: w.name, isDefault: w.isDefault }))}
              initialConnectionId={one((await searchParams).retailer)}
            />
          </CardBody>
        </Card>
      )}
      {connections.total > connections.items.length && (
        <p className="mt-3 text-xs text-slate-500">Showing the first {connections.items.length} of {connections.total} active retailers, by name.</p>
      )}
    </>
  );
}
