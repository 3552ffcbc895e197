import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { FleetTabs } from "./_components/tabs";

export default async function FleetLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaff();
  if (!can(actor, "logistics.read")) redirect("/dashboard");
  return (
    <>
      <PageHeader title="Fleet" description="Your vehicles and drivers, hired ones too, with the papers that must be valid on the road." className="mb-4" />
      <FleetTabs />
      {children}
    </>
  );
}
