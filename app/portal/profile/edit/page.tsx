import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireRetailer } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { getMyBusiness } from "@/lib/network/my-vendors";
import { BusinessForm } from "./business-form";

export const metadata: Metadata = { title: "Edit business details" };

export default async function EditBusinessPage() {
  const actor = await requireRetailer();
  const b = await getMyBusiness(makeCtx(actor));
  const owner = b.users.find((u) => u.role === "OWNER");
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/portal/profile" className="hover:text-slate-800">
            ← Business profile
          </Link>
        }
        title="Business details"
        description="Your vendors print these on invoices and use your state to decide the GST you pay."
      />
      {!b.canEdit ? (
        <Alert tone="info" title="Only the owner can change these" className="max-w-3xl">
          Ask {owner ? `${owner.name} (${owner.email})` : "your business owner"} to update the business details.
        </Alert>
      ) : (
        <Card className="max-w-3xl">
          <CardBody className="py-6">
            <BusinessForm
              defaults={{
                legalName: b.legalName,
                tradeName: b.tradeName ?? "",
                gstin: b.gstin ?? "",
                stateCode: b.stateCode,
                addressLine1: b.addressLine1,
                addressLine2: b.addressLine2 ?? "",
                city: b.city,
                pincode: b.pincode,
                email: b.email ?? "",
                phone: b.phone ?? "",
              }}
            />
          </CardBody>
        </Card>
      )}
    </>
  );
}
