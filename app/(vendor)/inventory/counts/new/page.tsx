import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { listWarehouses } from "@/lib/inventory/warehouses";
import { Section } from "../../_components/section";
import { CountForm } from "./count-form";

export const metadata: Metadata = { title: "New stock count" };

export default async function NewCountPage() {
  const actor = await requireStaff();
  if (!can(actor, "inventory.write")) redirect("/inventory/counts");
  const warehouses = await listWarehouses(makeCtx(actor), { status: "active" });
  return (
    <>
      <Section
        eyebrow={
          <Link href="/inventory/counts" className="hover:text-slate-800">
            ← Counts
          </Link>
        }
        title="New stock count"
        description="The count sheet lists each product with the quantity the system expects. Enter what you count; posting adjusts stock to match."
      />
      <Card className="max-w-3xl">
        <CardBody className="py-6">{warehouses.items.length ? <CountForm warehouses={warehouses.items} /> : <p className="text-sm text-slate-500">Add a warehouse first.</p>}</CardBody>
      </Card>
    </>
  );
}
