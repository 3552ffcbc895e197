import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import type { SearchParams } from "@/lib/search-params";
import { paymentFormData } from "../_components/form-data";
import { RefundForm } from "../_components/refund-form";

export const metadata: Metadata = { title: "Refund credit" };

export default async function RefundPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "payments.write")) redirect("/payments");
  const { options, account, today } = await paymentFormData(actor, searchParams);
  return (
    <>
      <PageHeader title="Refund credit" description="Pay back an advance or a credit note's balance. A refund can never be more than the retailer's unapplied credit." />
      <div className="mt-6 max-w-3xl">
        <RefundForm key={account?.connectionId ?? "none"} retailers={options} account={account} today={today} />
      </div>
    </>
  );
}
