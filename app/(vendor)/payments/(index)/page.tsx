import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { PlusIcon } from "@/components/shell/icons";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination-links";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { listPayments } from "@/lib/billing/list-payments";
import { paymentMethodLabels, paymentMethods } from "@/lib/billing/payments.schemas";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatINR } from "@/lib/format";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Payments" };

const PAGE_SIZE = 25;

export default async function PaymentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "billing.read")) redirect("/dashboard");
  const sp = await searchParams;
  const kind = one(sp.kind) === "REFUND" ? "REFUND" : "RECEIPT";
  const method = (paymentMethods as readonly string[]).includes(one(sp.method) ?? "") ? (one(sp.method) as (typeof paymentMethods)[number]) : undefined;
  const q = one(sp.q)?.trim().slice(0, 100) || undefined;
  const page = Math.min(pageFrom(one(sp.page)), 4000);
  const ctx = makeCtx(actor);
  const [result, receipts, refunds] = await Promise.all([
    listPayments(ctx, { kind, method, q, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }),
    listPayments(ctx, { kind: "RECEIPT", pageSize: 1 }).then((r) => r.total),
    listPayments(ctx, { kind: "REFUND", pageSize: 1 }).then((r) => r.total),
  ]);
  const href = hrefBuilder("/payments", { kind: kind === "RECEIPT" ? undefined : kind, method, q });
  const canWrite = can(actor, "payments.write");
  const filtered = !!(q || method);

  return (
    <>
      <PageHeader
        title="Payments"
        description="Money received from retailers and refunds paid back. Receipts pay the oldest invoices first unless allocated by hand."
        actions={
          canWrite && (
            <>
              <Link href="/payments/refund" className={buttonClasses({ variant: "secondary" })}>
                Refund credit
              </Link>
              <Link href="/payments/new" className={buttonClasses()}>
                <PlusIcon className="size-4" />
                Record payment
              </Link>
            </>
          )
        }
      />
      <LinkTabs
        label="Receipts or refunds"
        items={[
          { href: href({ kind: undefined, page: undefined }), label: "Receipts", count: receipts, active: kind === "RECEIPT" },
          { href: href({ kind: "REFUND", page: undefined }), label: "Refunds", count: refunds, active: kind === "REFUND" },
        ]}
      />
      <form className="mt-4 flex flex-wrap items-end gap-3" action="/payments" role="search">
        {kind === "REFUND" && <input type="hidden" name="kind" value="REFUND" />}
        <div className="w-80 max-w-full">
          <Input name="q" defaultValue={q} placeholder="Number or reference (UTR, cheque no.)" aria-label="Search payments" />
        </div>
        <div className="w-56">
          <Select name="method" defaultValue={method ?? ""} aria-label="Method" placeholder="All methods" options={paymentMethods.map((m) => ({ value: m, label: paymentMethodLabels[m] }))} />
        </div>
        <button type="submit" className={buttonClasses({ variant: "secondary" })}>
          Filter
        </button>
        {filtered && (
          <Link href={href({ q: undefined, method: undefined, page: undefined })} className={buttonClasses({ variant: "ghost" })}>
            Clear
          </Link>
        )}
      </form>
      <div className="mt-4">
        {result.data.length === 0 ? (
          <EmptyState
            bordered
            title={filtered ? "No payments match" : kind === "RECEIPT" ? "No receipts yet" : "No refunds yet"}
            description={filtered ? "Try another number, reference or method." : kind === "RECEIPT" ? "Record the money retailers pay you; it settles their invoices and frees their credit." : "Refunds pay back an advance or a credit note's balance to a retailer."}
            action={
              canWrite && !filtered ? (
                <Link href={kind === "RECEIPT" ? "/payments/new" : "/payments/refund"} className={buttonClasses()}>
                  {kind === "RECEIPT" ? "Record payment" : "Refund credit"}
                </Link>
              ) : undefined
            }
          />
        ) : (
          <Table>
            <THead>
              <Tr>
                <Th>Number</Th>
                <Th>Date</Th>
                <Th>Retailer</Th>
                <Th>Method</Th>
                <Th>Reference</Th>
                <Th numeric>Amount</Th>
                {kind === "RECEIPT" && <Th numeric>Unallocated</Th>}
              </Tr>
            </THead>
            <TBody>
              {result.data.map((p) => (
                <Tr key={p.id} interactive>
                  <Td>
                    <Link href={`/payments/${p.id}`} className="font-medium text-brand-700 hover:underline">
                      {p.number}
                    </Link>
                    {p.status === "VOIDED" && (
                      <Badge tone="danger" className="ml-2">
                        Voided
                      </Badge>
                    )}
                  </Td>
                  <Td muted className="whitespace-nowrap">
                    {formatDate(p.paidOn)}
                  </Td>
                  <Td>
                    {p.retailer.name}
                    {p.retailer.customerCode && <span className="ml-1.5 text-xs text-slate-500">{p.retailer.customerCode}</span>}
                  </Td>
                  <Td muted>{paymentMethodLabels[p.method]}</Td>
                  <Td muted className="max-w-48 truncate">
                    {p.reference ?? "—"}
                  </Td>
                  <Td numeric>
                    <span className={p.status === "VOIDED" ? "text-slate-500 line-through" : "font-medium"}>{formatINR(p.amount)}</span>
                  </Td>
                  {kind === "RECEIPT" && (
                    <Td numeric>
                      <span className={p.unallocatedAmount !== "0.00" ? "text-warning-700" : "text-slate-500"}>{formatINR(p.unallocatedAmount)}</span>
                    </Td>
                  )}
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination page={page} pageSize={PAGE_SIZE} total={result.total} hrefFor={(n) => href({ page: n })} noun={kind === "RECEIPT" ? "receipts" : "refunds"} />
      </div>
    </>
  );
}
