import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime, formatINR } from "@/lib/format";
import { stateName } from "@/lib/integrations/gst/states";
import type { ChallanParty } from "@/lib/logistics/challans/challan-types";
import { getChallanOrThrow } from "@/lib/logistics/challans/challan-views";
import { challanReasonLabels } from "@/lib/logistics/challans/challans.schemas";
import { one, type SearchParams } from "@/lib/search-params";
import { CancelChallanButton } from "./cancel-challan-button";

export const metadata: Metadata = { title: "Delivery challan" };

export default async function ChallanPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requireStaff();
  const { id } = await params;
  const sp = await searchParams;
  const c = await getChallanOrThrow(makeCtx(actor), id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const canWrite = can(actor, "logistics.write");
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/challans" className="hover:text-slate-800">
            ← Delivery challans
          </Link>
        }
        title={<span className="font-mono">{c.number}</span>}
        meta={c.status === "CANCELLED" ? <Badge tone="danger">Cancelled</Badge> : <Badge tone="success">Issued</Badge>}
        description={`${challanReasonLabels[c.reason]} · ${formatDate(c.challanDate)}${c.reasonNote ? ` · ${c.reasonNote}` : ""}`}
        actions={
          <>
            <a href={`/api/v1/challans/${c.id}/pdf?download=1`} className={buttonClasses({ variant: "secondary" })}>
              Download PDF
            </a>
            {canWrite && c.status === "ISSUED" && c.shipment && (
              <Link href={`/eway-bills/shipments/${c.shipment.id}`} className={buttonClasses({ variant: "secondary" })}>
                E-way bill
              </Link>
            )}
            {canWrite && c.status === "ISSUED" && <CancelChallanButton id={c.id} number={c.number} />}
          </>
        }
      />
      {one(sp.created) && (
        <Alert tone="success" className="mb-4" title={`${c.number} issued`}>
          Print it in triplicate: the original travels with the goods for the consignee, the duplicate with the transporter.
        </Alert>
      )}
      {c.status === "CANCELLED" && (
        <Alert tone="danger" className="mb-4" title="Cancelled">
          {c.cancelReason} {c.cancelledAt ? `(${formatDateTime(c.cancelledAt)})` : ""}
        </Alert>
      )}
      <div className="mb-6 grid gap-4 md:grid-cols-2">
        <PartyCard title={`Consignor · ${c.fromWarehouse.code}`} p={c.consignor} />
        <PartyCard title={c.toWarehouse ? `Consignee · ${c.toWarehouse.code}` : "Consignee"} p={c.consignee} />
      </div>
      <Table aria-label="Goods on the challan">
        <THead>
          <tr>
            <Th>Product</Th>
            <Th className="hidden sm:table-cell">HSN</Th>
            <Th numeric>Quantity</Th>
            <Th numeric className="hidden md:table-cell">Value / unit</Th>
            <Th numeric>Value</Th>
            <Th numeric className="hidden md:table-cell">GST %</Th>
          </tr>
        </THead>
        <TBody>
          {c.lines.map((l) => (
            <Tr key={l.position}>
              <Td>
                <span className="font-medium text-slate-900">{l.description}</span>
                {l.sku && <p className="font-mono text-xs text-slate-500">{l.sku}</p>}
              </Td>
              <Td muted className="hidden font-mono text-[13px] sm:table-cell">{l.hsnCode}</Td>
              <Td numeric className="whitespace-nowrap">{`${l.quantity} ${l.unit}`}</Td>
              <Td numeric className="hidden md:table-cell">{formatINR(l.rate)}</Td>
              <Td numeric>{formatINR(l.taxableValue)}</Td>
              <Td numeric className="hidden md:table-cell">{l.gstRate}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <div className="mt-4 flex flex-col gap-4 md:flex-row md:justify-between">
        <div className="text-sm text-slate-600">
          {c.shipment && (
            <p>
              Shipment <span className="font-mono">{c.shipment.number}</span> ({c.shipment.status.toLowerCase().replace("_", " ")})
            </p>
          )}
          {c.stockTransfer && (
            <p>
              Stock transfer{" "}
              <Link href={`/inventory/transfers/${c.stockTransfer.id}`} className="font-mono text-brand-700 hover:underline">
                {c.stockTransfer.number}
              </Link>
            </p>
          )}
          {c.ewayBills.map((e) => (
            <p key={e.id}>
              E-way bill{" "}
              <Link href={`/eway-bills/${e.id}`} className="font-mono text-brand-700 hover:underline">
                {e.ewbNo ?? "(pending)"}
              </Link>{" "}
              · {e.status.toLowerCase()}
            </p>
          ))}
          {c.notes && <p className="mt-2">{c.notes}</p>}
        </div>
        <dl className="w-full max-w-xs space-y-1 text-sm md:w-72">
          <Row k="Value of goods" v={formatINR(c.taxableTotal)} />
          {c.taxType === "intra" ? (
            <>
              <Row k="CGST (information)" v={formatINR(c.cgstTotal)} />
              <Row k="SGST (information)" v={formatINR(c.sgstTotal)} />
            </>
          ) : (
            <Row k="IGST (information)" v={formatINR(c.igstTotal)} />
          )}
          <div className="flex justify-between border-t border-slate-200 pt-1 font-semibold text-slate-900">
            <dt>Total value</dt>
            <dd className="tabular-nums">{formatINR(c.totalValue)}</dd>
          </div>
        </dl>
      </div>
    </>
  );
}

function Row({ k, v }: { k: string; v: string }) {
  return (
    <div className="flex justify-between text-slate-600">
      <dt>{k}</dt>
      <dd className="tabular-nums">{v}</dd>
    </div>
  );
}

function PartyCard({ title, p }: { title: string; p: ChallanParty }) {
  return (
    <Card>
      <CardBody>
        <h2 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h2>
        <p className="font-medium text-slate-900">{p.name}</p>
        <p className="text-sm text-slate-600">{[p.address1, p.address2].filter(Boolean).join(", ")}</p>
        <p className="text-sm text-slate-600">
          {p.city} {p.pincode} · {stateName(p.stateCode) ?? p.stateCode}
        </p>
        <p className="mt-1 font-mono text-[13px] text-slate-700">GSTIN {p.gstin ?? "unregistered"}</p>
      </CardBody>
    </Card>
  );
}
