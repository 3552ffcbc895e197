"use client";
// Dispatch (by hand, with the vehicle and LR) and cancel buttons of a READY shipment on no trip.
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ShipmentAction } from "@/lib/logistics/shipments/shipment-views";
import { RunButton } from "../../trips/_components/run-button";
import { cancelShipmentAction, dispatchShipmentAction } from "../actions";

export function ShipmentActions({ shipment: s }: { shipment: { id: string; number: string; actions: ShipmentAction[] } }) {
  const [vehicleNumber, setVehicle] = useState("");
  const [lrNumber, setLr] = useState("");
  return (
    <>
      {s.actions.includes("cancel") && (
        <RunButton variant="ghost" label="Cancel shipment" confirm={{ title: `Cancel ${s.number}?`, description: "Its orders stay packed and can go on another shipment." }} run={() => cancelShipmentAction(s.id, {})} />
      )}
      {s.actions.includes("dispatch") && (
        <RunButton
          variant="primary"
          label="Dispatch"
          confirm={{ title: `Dispatch ${s.number}`, description: "The goods leave the warehouse now: the orders are dispatched and their stock goes out. A taxable supply needs its invoice first. To send it with your own truck on a route, add it to a trip instead." }}
          run={() => dispatchShipmentAction(s.id, { vehicleNumber: vehicleNumber || undefined, lrNumber: lrNumber || undefined })}
        >
          <div className="space-y-3">
            <Field id="ship-vehicle" label="Vehicle number" hint="Optional, e.g. MH12AB1234">
              <Input value={vehicleNumber} onChange={(e) => setVehicle(e.target.value)} maxLength={20} />
            </Field>
            <Field id="ship-lr" label="LR number" hint="Optional: the transporter&apos;s lorry receipt">
              <Input value={lrNumber} onChange={(e) => setLr(e.target.value)} maxLength={20} />
            </Field>
          </div>
        </RunButton>
      )}
    </>
  );
}
