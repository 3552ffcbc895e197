import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import type { SearchParams } from "@/lib/search-params";
import { paymentFormData } from "../_components/form-data";
import { PaymentForm } from "../_components/payment-form";

export const metadata: Metadata = { title: "Record payment" };

export default async function NewPaymentPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "payments.write")) redirect("/payments");
  const { options, account, today } = await paymentFormData(actor, searchParams);
  return (
    <>
      <PageHeader title="Record payment" description="A receipt from a retailer: cash, cheque, bank transfer, UPI, card or gateway. It pays the oldest invoices first unless you choose." />
      <div className="mt-6 max-w-4xl">
        <PaymentForm key={account?.connectionId ?? "none"} retailers={options} account={account} today={today} />
      </div>
    </>
  );
}
