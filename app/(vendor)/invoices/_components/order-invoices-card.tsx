// The "Invoices" card of the order page: the invoices and notes made from this order, and "Create
// invoice" while something packed or dispatched is left to invoice. Server component.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { PaymentBadge } from "@/components/billing/invoice-document";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { StaffActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { listInvoices } from "@/lib/billing/list-invoices";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatINR } from "@/lib/format";
import type { OrderView } from "@/lib/orders/views";

const invoiceable = ["PACKED", "DISPATCHED", "DELIVERED", "RETURNED"];

export async function OrderInvoicesCard({ actor, order }: { actor: StaffActor; order: Pick<OrderView, "id" | "status" | "lines"> }) {
  if (!can(actor, "billing.read")) return null;
  const { data } = await listInvoices(makeCtx(actor), { orderId: order.id, sort: "issueDate", pageSize: 50 });
  const left = invoiceable.includes(order.status) && order.lines.some((l) => Number(l.quantity) - Number(l.invoicedQty) - Number(l.returnedQty) > 0);
  if (data.length === 0 && !left) return null;
  return (
    <Card>
      <CardHeader
        title="Invoices"
        description={data.length === 0 ? "Not invoiced yet." : undefined}
        actions={
          left && can(actor, "billing.write") ? (
            <Link href={`/orders/${order.id}/invoice`} className={buttonClasses({ size: "sm" })}>
              Create invoice
            </Link>
          ) : undefined
        }
      />
      {data.length > 0 && (
        <ul className="divide-y divide-slate-100 text-sm">
          {data.map((inv) => (
            <li key={inv.id} className="flex items-center justify-between gap-3 px-5 py-2.5">
              <div>
                <Link href={`/invoices/${inv.id}`} className="font-mono text-[13px] text-brand-700 hover:underline">
                  {inv.number}
                </Link>
                <span className="block text-xs text-slate-500">{formatDate(inv.issueDate)} · {formatINR(inv.grandTotal)}</span>
              </div>
              <PaymentBadge status={inv.paymentStatus} overdueDays={inv.overdueDays} cancelled={inv.status === "CANCELLED"} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
