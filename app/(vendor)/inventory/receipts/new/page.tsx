import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { istDay } from "@/lib/pricing/dates";
import { listWarehouses } from "@/lib/inventory/warehouses";
import { Section } from "../../_components/section";
import { ReceiptForm } from "./receipt-form";

export const metadata: Metadata = { title: "New goods receipt" };

export default async function NewReceiptPage() {
  const actor = await requireStaff();
  if (!can(actor, "inventory.write")) redirect("/inventory/receipts");
  const ctx = makeCtx(actor);
  const warehouses = await listWarehouses(ctx, { status: "active" });
  return (
    <>
      <Section
        eyebrow={
          <Link href="/inventory/receipts" className="hover:text-slate-800">
            ← Receipts
          </Link>
        }
        title="New goods receipt"
        description="Stock arriving from a supplier. It goes on the shelf and into the ledger as soon as you save; the receipt gets the next GRN number."
      />
      {warehouses.items.length === 0 ? (
        <EmptyState bordered title="Add a warehouse first" description="Goods are received into a warehouse." action={<Link href="/inventory/warehouses/new" className={buttonClasses()}>Add warehouse</Link>} />
      ) : (
        <Card className="max-w-5xl">
          <CardBody className="py-6">
            <ReceiptForm warehouses={warehouses.items} today={istDay(ctx.now())} />
          </CardBody>
        </Card>
      )}
    </>
  );
}
