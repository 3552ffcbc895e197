// The e-way bill panel of a shipment (server component): for each invoice or challan its goods travel on, whether
// it needs an e-way bill and why, its live bill with validity, and a form to generate one. Place it on any page
// with <EwayBillPanel shipmentId={…} />; it reads with the signed-in staff member's rights.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatINR } from "@/lib/format";
import { getShipmentEwayPanel } from "@/lib/logistics/ewaybills/shipment-eway-panel";
import { EwayBillGenerateForm } from "./eway-bill-generate-form";
import { EwayBillStatusBadge, ValidityText } from "./eway-bill-status";

export async function EwayBillPanel({ shipmentId }: { shipmentId: string }) {
  const actor = await requireStaff();
  const ctx = makeCtx(actor);
  const now = ctx.now();
  const panel = await getShipmentEwayPanel(ctx, shipmentId);
  const canWrite = can(actor, "logistics.write") && panel.shipment.status !== "CANCELLED";
  return (
    <section aria-labelledby="eway-panel" className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="eway-panel" className="text-[15px] font-semibold text-slate-900">
          E-way bills
        </h2>
        {panel.mode === "SANDBOX" && <Badge tone="info">Sandbox — not reported to GSTN</Badge>}
      </div>
      {panel.documents.length === 0 && <p className="text-sm text-slate-500">No issued invoice or challan on this shipment yet: an e-way bill is made from one.</p>}
      {panel.documents.map((d) => (
        <Card key={`${d.docType}:${d.docNo}`}>
          <CardBody className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div>
                <p className="font-mono text-[13px] font-medium text-slate-900">{d.docNo}</p>
                <p className="text-sm text-slate-500">{`${d.docType === "INV" ? "Tax invoice" : "Delivery challan"} · ${formatINR(d.value)}`}</p>
              </div>
              {d.need.required ? <Badge tone="warning">E-way bill required</Badge> : <Badge tone="neutral">Not required</Badge>}
            </div>
            <p className="text-sm text-slate-600">{d.need.why}</p>
            {d.live ? (
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Link href={`/eway-bills/${d.live.id}`} className="font-mono font-medium text-brand-700 hover:underline">
                  {d.live.ewbNo ?? "Pending"}
                </Link>
                <EwayBillStatusBadge status={d.live.status} />
                <ValidityText status={d.live.status} validUntil={d.live.validUntil} expiringSoon={d.live.expiringSoon} now={now} />
              </div>
            ) : canWrite ? (
              <EwayBillGenerateForm shipmentId={panel.shipment.id} invoiceId={d.invoiceId} challanId={d.challanId} docNo={d.docNo} defaultVehicle={panel.shipment.trip?.vehicleNo ?? ""} />
            ) : null}
          </CardBody>
        </Card>
      ))}
      {panel.bills.filter((b) => b.status !== "GENERATED" && b.status !== "PENDING").length > 0 && (
        <ul className="text-sm text-slate-500">
          {panel.bills
            .filter((b) => b.status !== "GENERATED" && b.status !== "PENDING")
            .map((b) => (
              <li key={b.id}>
                <Link href={`/eway-bills/${b.id}`} className="font-mono hover:underline">
                  {b.ewbNo ?? b.docNo}
                </Link>{" "}
                · {b.status.toLowerCase()}
                {b.lastError ? ` — ${b.lastError}` : ""}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
