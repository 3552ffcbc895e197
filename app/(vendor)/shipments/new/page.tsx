import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { ClipboardIcon } from "@/components/shell/icons";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { listShippableOrders } from "@/lib/logistics/shipments/list-shippable-orders";
import { one, type SearchParams } from "@/lib/search-params";
import { CreateShipmentForm } from "../_components/create-shipment-form";

export const metadata: Metadata = { title: "Create shipment" };

export default async function NewShipmentPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "logistics.write")) redirect("/shipments");
  const orderId = one((await searchParams).order)?.slice(0, 64);
  const groups = await listShippableOrders(makeCtx(actor), { orderId });
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/shipments" className="hover:text-slate-800">
            ← Shipments
          </Link>
        }
        title="Create shipment"
        description="Packed orders on no shipment yet, grouped by consignee and warehouse: tick the orders that leave together, then enter packages, weight and volume."
      />
      {groups.length === 0 ? (
        <Card>
          <EmptyState icon={<ClipboardIcon className="size-6" />} title="No packed orders waiting" description="Orders show up here once they are packed, until they are on a shipment." />
        </Card>
      ) : (
        <div className="space-y-4">
          {groups.map((g) => (
            <CreateShipmentForm key={g.key} group={g} preselect={orderId} />
          ))}
        </div>
      )}
    </>
  );
}
