import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { getDriverOrThrow } from "@/lib/logistics/fleet/drivers";
import { DocumentBadges } from "../../_components/document-badges";
import { DriverForm } from "../../_components/driver-form";
import { Section } from "../../_components/section";

export const metadata: Metadata = { title: "Driver" };

export default async function DriverPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  if (!can(actor, "logistics.write")) redirect("/fleet/drivers");
  const driver = await getDriverOrThrow(makeCtx(actor), (await params).id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <>
      <Section eyebrow={<Link href="/fleet/drivers" className="hover:text-slate-800">← Drivers</Link>} title={driver.name} description={driver.kind === "EMPLOYEE" ? `Employee · ${driver.email}` : `External · ${driver.transporterName}`} />
      <div className="mb-4">
        <DocumentBadges warnings={driver.warnings} />
      </div>
      <Card className="max-w-3xl">
        <CardBody className="py-6">
          <DriverForm driver={driver} staff={[]} canInvite={false} />
        </CardBody>
      </Card>
    </>
  );
}
