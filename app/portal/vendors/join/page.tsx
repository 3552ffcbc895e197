import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireRetailer } from "@/lib/auth/session";
import { JoinForm } from "./join-form";

export const metadata: Metadata = { title: "Connect with a vendor" };

export default async function JoinVendorPage() {
  await requireRetailer();
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/portal/vendors" className="hover:text-slate-800">
            ← My vendors
          </Link>
        }
        title="Connect with a vendor"
        description="Ask your supplier for their vendor code (on their invoices) or their GSTIN. They approve your request and set your credit terms."
      />
      <Card className="max-w-2xl">
        <CardBody className="py-6">
          <JoinForm />
        </CardBody>
      </Card>
    </>
  );
}
