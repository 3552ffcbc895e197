import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { listWarehouses } from "@/lib/inventory/warehouses";
import { getVehicleOrThrow } from "@/lib/logistics/fleet/vehicles";
import { DocumentBadges } from "../../_components/document-badges";
import { Section } from "../../_components/section";
import { VehicleForm } from "../../_components/vehicle-form";

export const metadata: Metadata = { title: "Vehicle" };

export default async function VehiclePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  if (!can(actor, "logistics.write")) redirect("/fleet");
  const ctx = makeCtx(actor);
  const vehicle = await getVehicleOrThrow(ctx, (await params).id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const warehouses = can(actor, "inventory.read") ? (await listWarehouses(ctx, { status: "all" })).items : [];
  return (
    <>
      <Section eyebrow={<Link href="/fleet" className="hover:text-slate-800">← Vehicles</Link>} title={<span className="font-mono">{vehicle.registrationNo}</span>} description={vehicle.label ?? undefined} />
      {vehicle.warnings.length > 0 && (
        <Alert tone={vehicle.documentStatus === "expired" ? "danger" : "warning"} className="mb-4 max-w-3xl" title={vehicle.documentStatus === "expired" ? "Papers have lapsed" : "Papers lapse soon"}>
          <DocumentBadges warnings={vehicle.warnings} />
        </Alert>
      )}
      <Card className="max-w-3xl">
        <CardBody className="py-6">
          <VehicleForm vehicle={vehicle} warehouses={warehouses} />
        </CardBody>
      </Card>
    </>
  );
}
