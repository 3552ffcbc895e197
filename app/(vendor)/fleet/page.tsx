import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { PlusIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkTabs } from "@/components/ui/link-tabs";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatINR, formatIndianNumber } from "@/lib/format";
import { listVehicles } from "@/lib/logistics/fleet/vehicles";
import { one, type SearchParams } from "@/lib/search-params";
import { vehicleStatusAction } from "./actions";
import { DocumentBadges } from "./_components/document-badges";
import { Section } from "./_components/section";
import { StatusButton } from "./_components/status-button";
import { vehicleTypeLabels } from "./_components/labels";

export const metadata: Metadata = { title: "Vehicles" };

export default async function VehiclesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  const sp = await searchParams;
  const filter = one(sp.show) === "attention" ? "attention" : one(sp.show) === "all" ? "all" : "active";
  const { items: all } = await listVehicles(makeCtx(actor), { status: "all" });
  const items = all.filter((v) => (filter === "all" ? true : filter === "attention" ? v.active && v.documentStatus !== "ok" : v.active));
  const attention = all.filter((v) => v.active && v.documentStatus !== "ok").length;
  const canWrite = can(actor, "logistics.write");
  const saved = one(sp.saved);
  return (
    <>
      <Section
        title="Vehicles"
        description="Own and hired vehicles with their capacity, running cost and papers. Owners and managers are reminded 30, 7 and 1 days before a paper lapses."
        actions={
          canWrite && (
            <Link href="/fleet/vehicles/new" className={buttonClasses()}>
              <PlusIcon className="size-4" />
              Add vehicle
            </Link>
          )
        }
      />
      {saved && (
        <Alert tone="success" className="mb-4">
          Vehicle {saved} saved.
        </Alert>
      )}
      <div className="mb-4">
        <LinkTabs
          label="Show vehicles"
          items={[
            { href: "/fleet", label: "In service", count: all.filter((v) => v.active).length, active: filter === "active" },
            { href: "/fleet?show=attention", label: "Papers due", count: attention, alert: attention > 0, active: filter === "attention" },
            { href: "/fleet?show=all", label: "All", count: all.length, active: filter === "all" },
          ]}
        />
      </div>
      {items.length === 0 ? (
        <EmptyState bordered title={filter === "attention" ? "All papers are in order" : "No vehicles yet"} description={filter === "attention" ? "No RC, insurance, fitness, permit or PUC lapses in the next 30 days." : "Add the tempos and trucks you deliver with, and hired ones you use often."} action={canWrite && filter !== "attention" ? <Link href="/fleet/vehicles/new" className={buttonClasses()}>Add vehicle</Link> : undefined} />
      ) : (
        <Table aria-label="Vehicles">
          <THead>
            <tr>
              <Th>Vehicle</Th>
              <Th className="hidden md:table-cell">Capacity</Th>
              <Th className="hidden lg:table-cell">Cost</Th>
              <Th className="hidden sm:table-cell">Depot</Th>
              {canWrite && <Th className="text-right">Actions</Th>}
            </tr>
          </THead>
          <TBody>
            {items.map((v) => (
              <Tr key={v.id}>
                <Td>
                  <div className="flex min-w-44 flex-wrap items-center gap-2">
                    {canWrite ? (
                      <Link href={`/fleet/vehicles/${v.id}`} className="font-mono font-medium text-slate-900 hover:text-brand-700 hover:underline">
                        {v.registrationNo}
                      </Link>
                    ) : (
                      <span className="font-mono font-medium text-slate-900">{v.registrationNo}</span>
                    )}
                    {v.ownership === "HIRED" && <Badge tone="info">Hired</Badge>}
                    {!v.active && <Badge>Inactive</Badge>}
                  </div>
                  <p className="text-xs text-slate-500">
                    {[v.label, vehicleTypeLabels[v.type], v.transporterName].filter(Boolean).join(" · ")}
                  </p>
                  <DocumentBadges warnings={v.warnings} />
                </Td>
                <Td muted className="hidden text-[13px] md:table-cell">
                  {formatIndianNumber(v.capacityKg, 0)} kg · {formatIndianNumber(v.capacityM3, 1)} m³{v.capacityCrates ? ` · ${v.capacityCrates} crates` : ""}
                </Td>
                <Td muted className="hidden text-[13px] lg:table-cell">
                  {[v.costPerKm && `${formatINR(v.costPerKm)}/km`, v.costPerTrip && `${formatINR(v.costPerTrip)}/trip`].filter(Boolean).join(" + ") || "—"}
                </Td>
                <Td muted className="hidden text-[13px] sm:table-cell">
                  {v.homeWarehouse?.name ?? "—"}
                </Td>
                {canWrite && (
                  <Td className="text-right">
                    <StatusButton id={v.id} active={v.active} name={v.registrationNo} run={vehicleStatusAction} />
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
