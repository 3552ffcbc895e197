import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { PlusIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { listDrivers } from "@/lib/logistics/fleet/drivers";
import { one, type SearchParams } from "@/lib/search-params";
import { driverStatusAction } from "../actions";
import { DocumentBadges } from "../_components/document-badges";
import { Section } from "../_components/section";
import { StatusButton } from "../_components/status-button";

export const metadata: Metadata = { title: "Drivers" };

const phone = (p: string) => p.replace(/^\+91(\d{5})(\d{5})$/, "+91 $1 $2");

export default async function DriversPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  const sp = await searchParams;
  const { items } = await listDrivers(makeCtx(actor), { status: "all" });
  const canWrite = can(actor, "logistics.write");
  const saved = one(sp.saved);
  return (
    <>
      <Section
        title="Drivers"
        description="Your employees who drive (they sign in to see their own trips) and drivers of hired transporters."
        actions={
          canWrite && (
            <Link href="/fleet/drivers/new" className={buttonClasses()}>
              <PlusIcon className="size-4" />
              Add driver
            </Link>
          )
        }
      />
      {saved && (
        <Alert tone="success" className="mb-4">
          Driver {saved} saved.
        </Alert>
      )}
      {items.length === 0 ? (
        <EmptyState bordered title="No drivers yet" description="Add the people who drive your vehicles, with their licence and mobile number." action={canWrite ? <Link href="/fleet/drivers/new" className={buttonClasses()}>Add driver</Link> : undefined} />
      ) : (
        <Table aria-label="Drivers">
          <THead>
            <tr>
              <Th>Driver</Th>
              <Th className="hidden sm:table-cell">Mobile</Th>
              <Th className="hidden md:table-cell">Licence</Th>
              {canWrite && <Th className="text-right">Actions</Th>}
            </tr>
          </THead>
          <TBody>
            {items.map((d) => (
              <Tr key={d.id}>
                <Td>
                  <div className="flex min-w-40 flex-wrap items-center gap-2">
                    {canWrite ? (
                      <Link href={`/fleet/drivers/${d.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                        {d.name}
                      </Link>
                    ) : (
                      <span className="font-medium text-slate-900">{d.name}</span>
                    )}
                    <Badge tone={d.kind === "EMPLOYEE" ? "brand" : "info"}>{d.kind === "EMPLOYEE" ? "Employee" : "External"}</Badge>
                    {!d.active && <Badge>Inactive</Badge>}
                  </div>
                  <p className="text-xs text-slate-500">{d.kind === "EMPLOYEE" ? d.email : d.transporterName}</p>
                  <p className="text-xs text-slate-500 sm:hidden">{phone(d.phone)}</p>
                  <DocumentBadges warnings={d.warnings} />
                </Td>
                <Td muted className="hidden text-[13px] whitespace-nowrap sm:table-cell">
                  <a href={`tel:${d.phone}`} className="hover:underline">
                    {phone(d.phone)}
                  </a>
                </Td>
                <Td muted className="hidden text-[13px] md:table-cell">
                  <span className="font-mono">{d.licenceNo}</span>
                  {d.licenceExpiry && <p className="text-xs">valid till {d.licenceExpiry}</p>}
                </Td>
                {canWrite && (
                  <Td className="text-right">
                    <StatusButton id={d.id} active={d.active} name={d.name} run={driverStatusAction} />
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
