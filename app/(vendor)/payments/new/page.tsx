import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getReceivableAccount, type ReceivableAccount } from "@/lib/billing/get-receivable-account";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { listRetailers } from "@/lib/network/connections";
import { istDay } from "@/lib/pricing/dates";
import { one, type SearchParams } from "@/lib/search-params";
import { PaymentForm } from "../_components/payment-form";

export const metadata: Metadata = { title: "Record payment" };

export default async function NewPaymentPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "payments.write")) redirect("/payments");
  const sp = await searchParams;
  const ctx = makeCtx(actor);
  const retailerId = one(sp.retailer);
  const [retailers, account] = await Promise.all([
    can(actor, "retailers.read") ? listRetailers(ctx, { status: "all", sort: "name", pageSize: 100 }).then((r) => r.items) : Promise.resolve([]),
    retailerId ? getReceivableAccount(ctx, retailerId).catch((e: unknown) => (e instanceof AppError && e.code === "not_found" ? null : Promise.reject(e))) : Promise.resolve<ReceivableAccount | null>(null),
  ]);
  const options = retailers.map((r) => ({ value: r.id, label: `${r.retailer?.tradeName ?? r.retailer?.legalName ?? r.id}${r.customerCode ? ` (${r.customerCode})` : ""}` }));
  if (account && !options.some((o) => o.value === account.connectionId)) options.unshift({ value: account.connectionId, label: account.retailer.name });
  return (
    <>
      <PageHeader title="Record payment" description="A receipt from a retailer: cash, cheque, bank transfer, UPI, card or gateway. It pays the oldest invoices first unless you choose." />
      <div className="mt-6 max-w-4xl">
        <PaymentForm key={account?.connectionId ?? "none"} retailers={options} account={account} today={istDay(ctx.now())} />
      </div>
    </>
  );
}
