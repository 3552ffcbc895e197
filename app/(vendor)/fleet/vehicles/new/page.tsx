import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { listWarehouses } from "@/lib/inventory/warehouses";
import { Section } from "../../_components/section";
import { VehicleForm } from "../../_components/vehicle-form";

export const metadata: Metadata = { title: "Add vehicle" };

export default async function NewVehiclePage() {
  const actor = await requireStaff();
  if (!can(actor, "logistics.write")) redirect("/fleet");
  const warehouses = can(actor, "inventory.read") ? (await listWarehouses(makeCtx(actor))).items : [];
  return (
    <>
      <Section eyebrow={<Link href="/fleet" className="hover:text-slate-800">← Vehicles</Link>} title="Add vehicle" />
      <Card className="max-w-3xl">
        <CardBody className="py-6">
          <VehicleForm warehouses={warehouses} />
        </CardBody>
      </Card>
    </>
  );
}
