// Where an order goes unless someone says otherwise: the connection's shipping address when the
// vendor has one on file for this retailer, else the retailer's business address. The cart shows
// it at checkout and placeOrder writes it, so both follow this one rule.
import { stateName } from "@/lib/integrations/gst/states";

export type ConnectionWithAddresses = {
  shippingLine1: string | null;
  shippingLine2: string | null;
  shippingCity: string | null;
  shippingStateCode: string | null;
  shippingPincode: string | null;
  retailer: { tradeName: string | null; legalName: string; addressLine1: string; addressLine2: string | null; city: string; stateCode: string; pincode: string };
};

export function defaultShippingAddress(c: ConnectionWithAddresses) {
  const r = c.retailer;
  const useConnection = Boolean(c.shippingLine1 && c.shippingCity && c.shippingStateCode && c.shippingPincode);
  const stateCode = useConnection ? c.shippingStateCode! : r.stateCode;
  return {
    name: r.tradeName ?? r.legalName,
    line1: useConnection ? c.shippingLine1! : r.addressLine1,
    line2: (useConnection ? c.shippingLine2 : r.addressLine2) ?? null,
    city: useConnection ? c.shippingCity! : r.city,
    stateCode,
    stateName: stateName(stateCode) ?? null,
    pincode: useConnection ? c.shippingPincode! : r.pincode,
  };
}
