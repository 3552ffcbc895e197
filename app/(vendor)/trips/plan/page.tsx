import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { env, mapTileUrl } from "@/lib/env";
import { getDayPlan } from "@/lib/logistics/planning/day-plan";
import { listPlanningVehicles } from "@/lib/logistics/planning/planning-vehicles";
import { istDay } from "@/lib/pricing/dates";
import { PlanBoard } from "./plan-board";

export const metadata: Metadata = { title: "Plan the day" };

export default async function PlanDayPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff();
  if (!can(actor, "logistics.read")) redirect("/dashboard");
  const ctx = makeCtx(actor);
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const date = one("date") && /^\d{4}-\d{2}-\d{2}$/.test(one("date")!) ? one("date")! : istDay(new Date());
  const warehouses = await ctx.db.warehouse.findMany({ where: { companyId: actor.companyId, active: true }, orderBy: [{ isDefault: "desc" }, { code: "asc" }], select: { id: true, code: true, name: true } });
  const depotId = warehouses.find((w) => w.id === one("depot"))?.id ?? warehouses[0]?.id;
  if (!depotId) {
    return (
      <>
        <PageHeader title="Plan the day" />
        <Alert tone="warning">Add a warehouse first: trips leave from a depot.</Alert>
      </>
    );
  }
  const [plan, vehicles] = await Promise.all([getDayPlan(ctx, { tripDate: date, depotWarehouseId: depotId }), listPlanningVehicles(ctx)]);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/trips" className="hover:text-slate-800">
            ← Trips
          </Link>
        }
        title="Plan the day"
        description="Every ready shipment at the depot goes on a trip: vehicles, their capacity, the shops' receiving hours and the shift decide which van goes where and when. Drag a stop onto another trip's stop on the map to move it; lock a trip to keep it as it is when you plan again."
      />
      <PlanBoard
        plan={plan}
        vehicles={vehicles}
        warehouses={warehouses}
        canWrite={can(actor, "logistics.write")}
        tileUrl={mapTileUrl()}
        attribution={env().MAP_TILE_ATTRIBUTION}
        today={istDay(new Date())}
      />
    </>
  );
}
