import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { getCompanyOrThrow } from "@/lib/company/get-company";
import { makeCtx } from "@/lib/ctx";
import { Section } from "../../_components/section";
import { WarehouseForm } from "../warehouse-form";

export const metadata: Metadata = { title: "Add warehouse" };

export default async function NewWarehousePage() {
  const actor = await requireStaff();
  if (!can(actor, "inventory.write")) redirect("/inventory/warehouses");
  return (
    <>
      <Section
        eyebrow={
          <Link href="/inventory/warehouses" className="hover:text-slate-800">
            ← Warehouses
          </Link>
        }
        title="Add warehouse"
      />
      <Card className="max-w-3xl">
        <CardBody className="py-6">
          <WarehouseForm defaultState={(await getCompanyOrThrow(makeCtx(actor))).stateCode} />
        </CardBody>
      </Card>
    </>
  );
}
