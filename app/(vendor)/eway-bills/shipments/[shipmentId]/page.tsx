import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { EwayBillPanel } from "@/components/logistics/eway-bill-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { getShipmentEwayPanel } from "@/lib/logistics/ewaybills/shipment-eway-panel";

export const metadata: Metadata = { title: "Shipment e-way bills" };

// The e-way bills of one shipment (the panel the shipment page shows, on a page of its own).
export default async function ShipmentEwayBillsPage({ params }: { params: Promise<{ shipmentId: string }> }) {
  const actor = await requireStaff();
  const { shipmentId } = await params;
  const panel = await getShipmentEwayPanel(makeCtx(actor), shipmentId).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const s = panel.shipment;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/eway-bills" className="hover:text-slate-800">
            ← E-way bills
          </Link>
        }
        title={<span className="font-mono">{s.number}</span>}
        description={`To ${s.shipToName}, ${s.shipToCity}${s.trip ? ` · trip ${s.trip.number}${s.trip.vehicleNo ? ` on ${s.trip.vehicleNo}` : ""}` : ""}${s.lrNumber ? ` · LR ${s.lrNumber}` : ""}`}
      />
      <div className="max-w-3xl">
        <EwayBillPanel shipmentId={s.id} />
      </div>
    </>
  );
}
