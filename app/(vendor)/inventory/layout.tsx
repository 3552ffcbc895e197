import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { InventoryTabs } from "./_components/tabs";

export default async function InventoryLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaff();
  if (!can(actor, "inventory.read")) redirect("/dashboard");
  return (
    <>
      <PageHeader title="Inventory" description="Stock on hand in your warehouses, every movement in the ledger, and the documents behind them." className="mb-4" />
      <InventoryTabs />
      {children}
    </>
  );
}
