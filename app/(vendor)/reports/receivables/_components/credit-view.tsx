import { IntentLink as Link } from "@/components/ui/intent-link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatDate, formatINR } from "@/lib/format";
import { NEAR_LIMIT_PERCENT, type CreditUsage } from "@/lib/reporting/receivables/get-credit-usage";

const states = { over: { label: "Over limit", tone: "danger" }, near: { label: "Near limit", tone: "warning" }, ok: { label: "Within limit", tone: "success" }, no_limit: { label: "No limit", tone: "neutral" } } as const;

export function CreditView({ report }: { report: CreditUsage }) {
  const t = report.totals;
  return (
    <>
      <p className="text-sm text-slate-600">
        As of {formatDate(report.asOf)}: <strong className="text-danger-700">{t.over} over</strong> the limit, <strong className="text-warning-700">{t.near} near</strong> it ({NEAR_LIMIT_PERCENT}%+),{" "}
        {t.onHoldOrders} order{t.onHoldOrders === 1 ? "" : "s"} on credit hold worth {formatINR(t.onHoldValue)}.
      </p>
      <div className="mt-3">
        {report.rows.length === 0 ? (
          <EmptyState bordered title="No retailers" description="No retailer matches this choice." />
        ) : (
          <Table className="sm:min-w-[900px] print:min-w-0">
            <caption className="sr-only">Credit-limit usage per retailer, most used first</caption>
            <THead>
              <Tr>
                <Th className="sticky left-0 z-10 bg-slate-50">Retailer</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Limit</Th>
                <Th numeric>Exposure</Th>
                <Th numeric>Used</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Outstanding</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Open orders</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Headroom</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">On hold</Th>
              </Tr>
            </THead>
            <TBody>
              {report.rows.map((u) => {
                const pct = u.usedPercent === null ? null : Number(u.usedPercent);
                return (
                  <Tr key={u.connectionId}>
                    <Td className="sticky left-0 z-10 min-w-40 bg-white">
                      <Link href={`/retailers/${u.connectionId}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                        {u.name}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {u.customerCode ?? "—"} · {u.paymentTermsDays ? `${u.paymentTermsDays} days` : "Due on invoice"}
                        {u.status !== "ACTIVE" ? ` · ${u.status.toLowerCase()}` : ""}
                      </span>
                    </Td>
                    <Td numeric muted className="hidden sm:table-cell print:table-cell">
                      {u.state === "no_limit" ? "None" : formatINR(u.creditLimit)}
                    </Td>
                    <Td numeric className="font-semibold">
                      {formatINR(u.exposure)}
                      {u.state !== "no_limit" && <span className="block text-xs font-normal text-slate-500 sm:hidden">of {formatINR(u.creditLimit)}</span>}
                      {u.onHold.orders > 0 && <span className="block text-xs font-normal text-danger-700 sm:hidden">{u.onHold.orders} on hold</span>}
                    </Td>
                    <Td numeric>
                      <div className="flex items-center justify-end gap-2">
                        {pct !== null && (
                          <span aria-hidden className="hidden h-1.5 w-14 overflow-hidden rounded-full bg-slate-100 xl:block print:hidden">
                            <span className={cn("block h-full rounded-full", u.state === "over" ? "bg-danger-500" : u.state === "near" ? "bg-warning-500" : "bg-success-500")} style={{ width: `${Math.min(100, pct)}%` }} />
                          </span>
                        )}
                        <Badge tone={states[u.state].tone}>{pct === null ? states.no_limit.label : `${u.usedPercent}%`}</Badge>
                      </div>
                      {u.state === "over" && <span className="sr-only"> over the limit</span>}
                    </Td>
                    <Td numeric className="hidden sm:table-cell print:table-cell">
                      <Link href={`/retailers/${u.connectionId}/ledger`} className="text-brand-700 hover:underline" aria-label={`Ledger of ${u.name}`}>
                        {formatINR(u.outstanding)}
                      </Link>
                    </Td>
                    <Td numeric className="hidden sm:table-cell print:table-cell">
                      {Number(u.openOrders) === 0 ? (
                        <span className="text-slate-500">{formatINR(u.openOrders)}</span>
                      ) : (
                        <Link href={`/orders?connectionId=${u.connectionId}`} className="text-brand-700 hover:underline" aria-label={`Orders of ${u.name}`}>
                          {formatINR(u.openOrders)}
                        </Link>
                      )}
                    </Td>
                    <Td numeric className={cn("hidden sm:table-cell print:table-cell", u.headroom?.startsWith("-") ? "text-danger-700" : "text-slate-600")}>
                      {u.headroom === null ? "—" : formatINR(u.headroom)}
                    </Td>
                    <Td numeric className="hidden sm:table-cell print:table-cell">
                      {u.onHold.orders ? (
                        <Link href={`/orders?status=on_hold&connectionId=${u.connectionId}`} className="font-medium text-danger-700 hover:underline" aria-label={`${u.onHold.orders} orders of ${u.name} on credit hold`}>
                          {u.onHold.orders} · {formatINR(u.onHold.value)}
                        </Link>
                      ) : (
                        <span className="text-slate-500">—</span>
                      )}
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
            <TFoot>
              <Tr>
                <Td className="sticky left-0 z-10 bg-slate-50">{t.retailers} retailers</Td>
                <Td numeric className="hidden sm:table-cell print:table-cell">{formatINR(t.creditLimit)}</Td>
                <Td numeric>{formatINR(t.exposure)}</Td>
                <Td />
                <Td className="hidden sm:table-cell print:table-cell" />
                <Td className="hidden sm:table-cell print:table-cell" />
                <Td className="hidden sm:table-cell print:table-cell" />
                <Td numeric className="hidden sm:table-cell print:table-cell">{t.onHoldOrders ? `${t.onHoldOrders} · ${formatINR(t.onHoldValue)}` : "—"}</Td>
              </Tr>
            </TFoot>
          </Table>
        )}
      </div>
      <p className="mt-2 text-xs text-slate-500">
        Exposure = outstanding (ledger balance) + open orders not yet invoiced — what the order credit check compares with the limit. A limit of ₹0 means no limit. Most used first.
      </p>
    </>
  );
}
