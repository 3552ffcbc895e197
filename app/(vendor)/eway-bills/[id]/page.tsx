import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { EwayBillActions } from "@/components/logistics/eway-bill-actions";
import { EwayBillStatusBadge, ValidityText } from "@/components/logistics/eway-bill-status";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime, formatINR } from "@/lib/format";
import { VEHICLE_REASONS } from "@/lib/integrations/gst/ewaybill/ewaybill-codes";
import { getEwayBillOrThrow } from "@/lib/logistics/ewaybills/ewaybill-views";

export const metadata: Metadata = { title: "E-way bill" };
const MODES: Record<number, string> = { 1: "Road", 2: "Rail", 3: "Air", 4: "Ship" };

export default async function EwayBillPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const { id } = await params;
  const ctx = makeCtx(actor);
  const now = ctx.now();
  const b = await getEwayBillOrThrow(ctx, id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const canWrite = can(actor, "logistics.write") && !b.pending;
  const expired = b.validUntil ? new Date(b.validUntil) < now : false;
  const lag = b.validUntil ? now.getTime() - new Date(b.validUntil).getTime() : null;
  const docHref = b.invoice ? `/invoices/${b.invoice.id}` : b.challan ? `/challans/${b.challan.id}` : null;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/eway-bills" className="hover:text-slate-800">
            ← E-way bills
          </Link>
        }
        title={<span className="font-mono">{b.ewbNo ?? `E-way bill of ${b.docNo}`}</span>}
        meta={
          <>
            <EwayBillStatusBadge status={b.status} />
            {b.provider === "sandbox" && <Badge tone="info">Sandbox — not reported to GSTN</Badge>}
          </>
        }
        description={`${b.docType === "INV" ? "Tax invoice" : "Delivery challan"} ${b.docNo} of ${formatDate(b.docDate)} · ${formatINR(b.totalValue)} · ${b.distanceKm} km`}
      />
      {b.pending && (
        <Alert tone="info" className="mb-4" title="Waiting for the e-way bill system">
          The request is queued; this page shows the answer once it is back. Reload in a moment.
        </Alert>
      )}
      {b.lastError && (
        <Alert tone="danger" className="mb-4" title="The e-way bill system refused the last request">
          {b.lastError}
        </Alert>
      )}
      <div className="mb-6 grid gap-4 md:grid-cols-3">
        <Card>
          <CardBody>
            <h2 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Validity</h2>
            <ValidityText status={b.status} validUntil={b.validUntil} expiringSoon={b.expiringSoon} now={now} />
            {b.ewbDate && <p className="mt-1 text-sm text-slate-500">Generated {formatDateTime(b.ewbDate)}</p>}
            {b.extendedTimes > 0 && <p className="text-sm text-slate-500">{`Extended ${b.extendedTimes} time${b.extendedTimes > 1 ? "s" : ""}`}</p>}
            {b.odc && <p className="text-sm text-slate-500">Over-dimensional cargo (20 km a day)</p>}
          </CardBody>
        </Card>
        <Card>
          <CardBody>
            <h2 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Part B</h2>
            <p className="font-mono text-slate-900">{b.vehicleNo ?? "No vehicle yet"}</p>
            <p className="text-sm text-slate-500">{[b.transMode ? MODES[b.transMode] : null, b.transDocNo ? `LR ${b.transDocNo}` : null, b.transDocDate ? formatDate(b.transDocDate) : null].filter(Boolean).join(" · ") || "—"}</p>
            <p className="text-sm text-slate-500">From {b.fromPlace}</p>
          </CardBody>
        </Card>
        <Card>
          <CardBody>
            <h2 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Document and shipment</h2>
            {docHref ? (
              <Link href={docHref} className="font-mono text-brand-700 hover:underline">
                {b.docNo}
              </Link>
            ) : (
              <p className="font-mono">{b.docNo}</p>
            )}
            {b.shipment && (
              <p className="text-sm text-slate-600">
                <Link href={`/eway-bills/shipments/${b.shipment.id}`} className="font-mono hover:underline">
                  {b.shipment.number}
                </Link>{" "}
                → {b.shipment.shipToName}
              </p>
            )}
            <p className="text-sm text-slate-500">Transporter {b.transporterName ?? b.transporterId ?? "—"}</p>
          </CardBody>
        </Card>
      </div>
      {canWrite && (b.status === "GENERATED" || b.status === "EXPIRED") && (
        <div className="mb-6">
          <EwayBillActions
            id={b.id}
            fromPlace={b.fromPlace}
            canPartB={b.status === "GENERATED" && !expired}
            canExtend={lag !== null && Math.abs(lag) <= 8 * 3600_000}
            canCancel={b.status === "GENERATED" && !!b.ewbDate && now.getTime() - new Date(b.ewbDate).getTime() <= 24 * 3600_000}
          />
        </div>
      )}
      <h2 className="mb-2 text-[15px] font-semibold text-slate-900">Vehicle history (Part B)</h2>
      {b.vehicles.length === 0 ? (
        <p className="mb-6 text-sm text-slate-500">No vehicle entered yet: the bill is valid for movement once Part B is entered.</p>
      ) : (
        <Table aria-label="Vehicle history" wrapperClassName="mb-6">
          <THead>
            <tr>
              <Th>When</Th>
              <Th>Vehicle</Th>
              <Th className="hidden sm:table-cell">From</Th>
              <Th className="hidden md:table-cell">Reason</Th>
              <Th className="hidden md:table-cell">LR</Th>
            </tr>
          </THead>
          <TBody>
            {b.vehicles.map((v, i) => (
              <Tr key={i}>
                <Td muted className="whitespace-nowrap text-[13px]">{formatDateTime(v.enteredAt)}</Td>
                <Td className="font-mono text-[13px]">{v.vehicleNo ?? (v.transMode ? MODES[v.transMode] : "—")}</Td>
                <Td className="hidden sm:table-cell">{v.fromPlace}</Td>
                <Td muted className="hidden md:table-cell">{v.reasonCode ? `${VEHICLE_REASONS[v.reasonCode as 1 | 2 | 3 | 4] ?? v.reasonCode}${v.reasonRem ? ` — ${v.reasonRem}` : ""}` : "At generation"}</Td>
                <Td muted className="hidden font-mono text-[13px] md:table-cell">{v.transDocNo ?? "—"}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <h2 className="mb-2 text-[15px] font-semibold text-slate-900">Requests to the e-way bill system</h2>
      <ul className="space-y-1 text-sm text-slate-600">
        {b.operations.map((o) => (
          <li key={o.id}>
            <span className="whitespace-nowrap">{formatDateTime(o.createdAt)}</span> · {o.action.toLowerCase()} · <span className={o.status === "FAILED" ? "text-danger-700" : ""}>{o.status.toLowerCase()}</span>
            {o.error ? ` — ${o.error}` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}
