import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { RangeRefused, StatementRangeForm } from "@/components/billing/statement-range";
import { LedgerStatement } from "@/components/billing/ledger-statement";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { listOutstandingPayLinks } from "@/lib/billing/gateway/create-outstanding-pay-link";
import { hasActiveGatewayAccount } from "@/lib/billing/gateway/gateway-accounts";
import { lastSentAt } from "@/lib/billing/gateway/send-pay-link";
import { getLedger } from "@/lib/billing/get-ledger";
import { getOutstanding } from "@/lib/billing/outstanding";
import type { LedgerView } from "@/lib/billing/ledger-types";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { one, type SearchParams } from "@/lib/search-params";
import { PayLinksPanel } from "../../../payments/_components/pay-links-panel";

export const metadata: Metadata = { title: "Retailer ledger" };

export default async function RetailerLedgerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "billing.read")) redirect("/dashboard");
  const { id } = await params;
  const sp = await searchParams;
  const ctx = makeCtx(actor);
  const from = one(sp.from) || undefined;
  const to = one(sp.to) || undefined;
  let view: LedgerView | null = null;
  let rangeError: string | null = null;
  try {
    view = await getLedger(ctx, { connectionId: id, from, to });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.code === "not_found") notFound();
    if (e.code !== "validation") throw e;
    rangeError = e.message;
    view = await getLedger(ctx, { connectionId: id });
  }
  const [payLinks, outstanding, hasGateway] = await Promise.all([listOutstandingPayLinks(ctx, id), getOutstanding(ctx.db, { companyId: actor.companyId, connectionId: id }), hasActiveGatewayAccount(ctx.db, actor.companyId)]);
  const payLinksSentAt = Object.fromEntries(await lastSentAt(ctx, payLinks.map((l) => l.id)));
  const range = new URLSearchParams({ from: view.from, to: view.to }).toString();

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/retailers/${id}`} className="text-sm text-slate-500 hover:text-slate-700">
            ← {view.retailer.name}
          </Link>
        }
        title="Statement of account"
        description={`${view.retailer.name}${view.retailer.customerCode ? ` (${view.retailer.customerCode})` : ""}${view.retailer.gstin ? ` · GSTIN ${view.retailer.gstin}` : ""}`}
        actions={
          <>
            <a href={`/api/v1/retailers/${id}/ledger/pdf?${range}`} className={buttonClasses({ variant: "secondary" })}>
              Download PDF
            </a>
            <a href={`/api/v1/retailers/${id}/ledger?${range}&format=csv`} className={buttonClasses({ variant: "secondary" })} download>
              Download CSV
            </a>
            {can(actor, "payments.write") && (
              <Link href={`/payments/new?retailer=${id}`} className={buttonClasses()}>
                Record payment
              </Link>
            )}
          </>
        }
      />
      <div className="mt-6">
        <StatementRangeForm action={`/retailers/${id}/ledger`} from={view.from} to={view.to}>
          {(from || to) && (
            <Link href={`/retailers/${id}/ledger`} className={buttonClasses({ variant: "ghost" })}>
              This financial year
            </Link>
          )}
        </StatementRangeForm>
      </div>
      <RangeRefused message={rangeError} />
      {(payLinks.length > 0 || (can(actor, "payments.write") && Number(outstanding) > 0)) && (
        <div className="mt-6">
          <PayLinksPanel target={{ connectionId: id }} links={payLinks} due={outstanding} canCreate={can(actor, "payments.write")} canTakeMoney={can(actor, "payments.write")} hasGateway={hasGateway} sentAt={payLinksSentAt} />
        </div>
      )}
      <div className="mt-6">
        <LedgerStatement view={view} hrefFor={(e) => (e.kind === "receipt" || e.kind === "refund" ? `/payments/${e.documentId}` : `/invoices/${e.documentId}`)} />
      </div>
    </>
  );
}
