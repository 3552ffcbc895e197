// The vendor's delivery pin and receiving hours for one retailer, on the retailer's page.
import { LocationPicker } from "@/components/map/location-picker";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { env, mapTileUrl } from "@/lib/env";
import type { DeliveryLocationView } from "@/lib/logistics/geo/delivery-location";
import { setDeliveryLocationAction } from "../actions";

const sourceWords = { vendor_pin: "your pin", retailer_pin: "the retailer's own shop pin", pincode: "the centre of PIN code" } as const;

export function DeliveryLocationCard({ location, canEdit }: { location: DeliveryLocationView; canEdit: boolean }) {
  const eff = location.effective;
  const retailerPin = location.retailer.latitude !== null && location.retailer.longitude !== null ? { lat: location.retailer.latitude, lng: location.retailer.longitude } : null;
  const fallback =
    eff.position && eff.position.source !== "vendor_pin"
      ? { lat: eff.position.lat, lng: eff.position.lng, label: eff.position.source === "pincode" ? `the centre of PIN ${eff.pincode}` : "the retailer's own shop pin" }
      : retailerPin
        ? { ...retailerPin, label: "the retailer's own shop pin" }
        : null;
  const hours = eff.window ? `${hhmm(eff.window.fromMin)}–${hhmm(eff.window.toMin)} (${eff.window.source === "vendor" ? "your hours" : "the retailer's hours"})` : "any time of the shift";
  return (
    <Card>
      <CardHeader
        title="Delivery location"
        description={
          <>
            Trips and the route planner use {eff.position ? (eff.position.source === "pincode" ? `${sourceWords.pincode} ${eff.pincode}` : sourceWords[eff.position.source]) : "no position yet"}, and deliver {hours}.
          </>
        }
      />
      <CardBody className="py-5">
        <LocationPicker
          idPrefix="delivery"
          initial={location.vendor}
          fallback={fallback}
          tileUrl={mapTileUrl()}
          attribution={env().MAP_TILE_ATTRIBUTION}
          canEdit={canEdit}
          save={setDeliveryLocationAction.bind(null, location.connectionId)}
          hint="Your pin and hours apply to your deliveries only; the retailer's own pin and hours are used when you set none."
        />
      </CardBody>
    </Card>
  );
}

function hhmm(min: number) {
  return `${String(Math.floor(min / 60)).padStart(2, "0")}:${String(min % 60).padStart(2, "0")}`;
}
