import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { challanFormOptions } from "@/lib/logistics/challans/challan-form-options";
import { activeGstStates } from "@/lib/integrations/gst/states";
import { ChallanForm } from "./challan-form";

export const metadata: Metadata = { title: "New delivery challan" };

export default async function NewChallanPage() {
  const actor = await requireStaff();
  if (!can(actor, "logistics.write")) redirect("/challans");
  const options = await challanFormOptions(makeCtx(actor));
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/challans" className="hover:text-slate-800">
            ← Delivery challans
          </Link>
        }
        title="New delivery challan"
        description="For goods that leave without a sale. A sale goes on its tax invoice instead."
      />
      <Card className="max-w-4xl">
        <CardBody className="py-6">
          <ChallanForm warehouses={options.warehouses} retailers={options.retailers} states={activeGstStates.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))} />
        </CardBody>
      </Card>
    </>
  );
}
