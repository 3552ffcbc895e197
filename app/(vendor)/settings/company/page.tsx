import type { Metadata } from "next";
import { LogoUploader } from "@/components/company/logo-uploader";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { getCompanyOrThrow } from "@/lib/company/get-company";
import { makeCtx } from "@/lib/ctx";
import { formatDateTime } from "@/lib/format";
import { CompanyForm } from "./company-form";

export const metadata: Metadata = { title: "Company" };

export default async function CompanySettingsPage() {
  const actor = await requireStaff();
  const company = await getCompanyOrThrow(makeCtx(actor));
  const canEdit = can(actor, "company.write");
  return (
    <>
      <PageHeader
        title="Company"
        meta={<Badge tone="neutral">{company.code}</Badge>}
        description="Your business identity, addresses and bank details. They appear on invoices, challans and e-way bills."
      />
      <SettingsTabs actor={actor} current="company" />
      {!canEdit && (
        <Alert tone="info" className="mb-6" title="View only">
          Only owners and admins can change company details.
        </Alert>
      )}
      <Card id="logo" className="mb-6 scroll-mt-24">
        <CardHeader title="Logo" description="Printed on invoices and shown to your retailers." />
        <CardBody>
          <LogoUploader logoUrl={company.logoUrl} canEdit={canEdit} />
        </CardBody>
      </Card>
      <CompanyForm company={company} readOnly={!canEdit} />
      <p className="mt-4 text-xs text-slate-500">Last updated {formatDateTime(company.updatedAt)}</p>
    </>
  );
}
