import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { listWarehouses } from "@/lib/inventory/warehouses";
import { Section } from "../../_components/section";
import { TransferForm } from "./transfer-form";

export const metadata: Metadata = { title: "New transfer" };

export default async function NewTransferPage() {
  const actor = await requireStaff();
  if (!can(actor, "inventory.write")) redirect("/inventory/transfers");
  const warehouses = await listWarehouses(makeCtx(actor), { status: "active" });
  return (
    <>
      <Section
        eyebrow={
          <Link href="/inventory/transfers" className="hover:text-slate-800">
            ← Transfers
          </Link>
        }
        title="New transfer"
        description="Only available stock (on hand minus reserved) can be sent."
      />
      {warehouses.items.length < 2 ? (
        <EmptyState bordered title="You need two warehouses" description="A transfer moves stock from one of your warehouses to another." action={<Link href="/inventory/warehouses/new" className={buttonClasses()}>Add warehouse</Link>} />
      ) : (
        <Card className="max-w-4xl">
          <CardBody className="py-6">
            <TransferForm warehouses={warehouses.items} />
          </CardBody>
        </Card>
      )}
    </>
  );
}
