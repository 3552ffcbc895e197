import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { InviteForm } from "./invite-form";

export const metadata: Metadata = { title: "Invite retailer" };

export default async function InviteRetailerPage() {
  const actor = await requireStaff();
  if (!can(actor, "retailers.write")) redirect("/retailers");
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/retailers" className="hover:text-slate-800">
            ← Retailers
          </Link>
        }
        title="Invite retailer"
        description="We email them a link valid for 7 days. When they accept, they are connected to you with the terms you set here."
      />
      <Card className="max-w-3xl">
        <CardBody className="py-6">
          <InviteForm />
        </CardBody>
      </Card>
    </>
  );
}
