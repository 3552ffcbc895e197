import { IntentLink as Link } from "@/components/ui/intent-link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDate, formatDateTime, formatINR } from "@/lib/format";
import type { CoverageDocument, GstCoverage } from "@/lib/reporting/gst/get-gst-coverage";

export function CoverageTab({ report }: { report: GstCoverage }) {
  return (
    <>
      {!report.eInvoiceEnabled && (
        <Alert tone="info" title="E-invoicing is off">
          Turn it on in Settings → GST when the company&apos;s turnover passes ₹5 crore; until then no document needs an IRN.
        </Alert>
      )}
      <Block title="Needed an IRN and have none" empty="Every document that needed an IRN has one." rows={report.missingIrn} extraHead="IRN status" extra={(d) => (
        <span className="flex flex-wrap gap-1">
          <Badge tone={d.windowPassed ? "danger" : "warning"}>{d.windowPassed ? `${d.ageDays} days — past the 30-day window` : `${d.ageDays} days old`}</Badge>
          <span className="text-xs text-slate-500">{d.eInvoiceStatus.toLowerCase().replace("_", " ")}</span>
        </span>
      )} />
      <Block title="IRNs cancelled in the period" empty="No IRN was cancelled." rows={report.cancelledIrns} extraHead="Cancelled" extra={(d) => formatDateTime(d.irnCancelledAt)} />
      <Block title="E-way bills expiring (next 48 hours) or expired" empty="No e-way bill is about to expire." rows={report.ewayExpiring} extraHead="Valid until" extra={(d) => (
        <span>
          {d.ewayBillNo} · {formatDateTime(d.validUntil)} {d.expired ? <Badge tone="danger">Expired</Badge> : <Badge tone="warning">Expiring</Badge>}
        </span>
      )} />
      <Block title={`Invoices above ${formatINR(report.ewayBillThreshold, { decimals: 0 })} without an e-way bill`} empty="Every invoice of goods above the threshold has an e-way bill." rows={report.ewayMissing} />
    </>
  );
}

function Block<T extends CoverageDocument>({ title, empty, rows, extraHead, extra }: { title: string; empty: string; rows: T[]; extraHead?: string; extra?: (d: T) => ReactNode }) {
  return (
    <section aria-label={title}>
      <h2 className="mb-2 text-base font-semibold text-slate-900">
        {title} <span className="text-sm font-normal text-slate-500">({rows.length})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>Document</Th>
              <Th>Date</Th>
              <Th>Buyer</Th>
              <Th numeric>Value</Th>
              {extraHead && <Th>{extraHead}</Th>}
            </Tr>
          </THead>
          <TBody>
            {rows.map((d) => (
              <Tr key={d.id}>
                <Td className="whitespace-nowrap">
                  <Link href={`/invoices/${d.id}`} className="font-medium text-brand-700 hover:underline">
                    {d.number}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">{formatDate(d.issueDate)}</Td>
                <Td>{d.buyerName}</Td>
                <Td numeric>{formatINR(d.grandTotal)}</Td>
                {extra && <Td>{extra(d)}</Td>}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}
