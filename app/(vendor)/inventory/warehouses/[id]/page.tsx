import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { getWarehouseOrThrow } from "@/lib/inventory/warehouses";
import { Section } from "../../_components/section";
import { WarehouseForm } from "../warehouse-form";

export const metadata: Metadata = { title: "Edit warehouse" };

export default async function EditWarehousePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  if (!can(actor, "inventory.write")) redirect("/inventory/warehouses");
  const { id } = await params;
  const w = await getWarehouseOrThrow(makeCtx(actor), id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <>
      <Section
        eyebrow={
          <Link href="/inventory/warehouses" className="hover:text-slate-800">
            ← Warehouses
          </Link>
        }
        title={`Edit ${w.name}`}
        description={w.active ? undefined : "This warehouse is inactive."}
      />
      <Card className="max-w-3xl">
        <CardBody className="py-6">
          <WarehouseForm warehouse={w} defaultState={w.stateCode} />
        </CardBody>
      </Card>
    </>
  );
}
