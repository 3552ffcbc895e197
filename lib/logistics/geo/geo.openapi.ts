// OpenAPI operations of delivery locations (map pins and receiving hours).
import type { Operation } from "@/lib/http/openapi-operation";
import { locationInput } from "@/lib/logistics/geo/geo.schemas";

const location = {
  type: "object",
  properties: {
    latitude: { type: ["number", "null"] },
    longitude: { type: ["number", "null"] },
    receivingFrom: { type: ["string", "null"], description: "HH:MM, IST" },
    receivingTo: { type: ["string", "null"], description: "HH:MM, IST" },
  },
};
const deliveryLocationView = {
  title: "DeliveryLocation",
  type: "object",
  properties: {
    connectionId: { type: "string" },
    vendor: { ...location, description: "This vendor's own pin and hours; they win over the retailer's" },
    retailer: { ...location, description: "The retailer's shop pin and hours, as the retailer set them" },
    effective: {
      type: "object",
      description: "What delivery stops and the route planner use",
      properties: {
        position: { type: ["object", "null"], properties: { lat: { type: "number" }, lng: { type: "number" }, source: { enum: ["vendor_pin", "retailer_pin", "pincode"] } } },
        window: { type: ["object", "null"], properties: { fromMin: { type: "integer" }, toMin: { type: "integer" }, source: { enum: ["vendor", "retailer"] } } },
        pincode: { type: "string" },
      },
    },
  },
};
const shopLocation = {
  title: "ShopLocation",
  type: "object",
  properties: { ...location.properties, pincode: { type: "string" }, pincodePosition: { type: ["object", "null"], properties: { lat: { type: "number" }, lng: { type: "number" } } }, canEdit: { type: "boolean" } },
};
const body = locationInput;
const about = "A position is a pair (latitude, longitude inside India); hours a pair (HH:MM, opening before closing). Leave a pair out to keep it, send nulls to clear it.";

export const geoOperations: Operation[] = [
  { method: "get", path: "/retailers/{id}/delivery-location", tag: "Retailers", summary: "Where and when this vendor delivers to a retailer", description: "Position: this vendor's pin, else the retailer's shop pin (when deliveries go to the shop), else the centre of the delivery PIN code. Window: this vendor's hours, else the retailer's.", auth: true, response: { status: 200, description: "Delivery location", schema: deliveryLocationView } },
  { method: "put", path: "/retailers/{id}/delivery-location", tag: "Retailers", summary: "Set this vendor's delivery pin and receiving hours for a retailer", description: about, auth: true, body, response: { status: 200, description: "Delivery location", schema: deliveryLocationView } },
  { method: "get", path: "/me/business/location", tag: "Retailer portal", summary: "My shop's pin and receiving hours", auth: true, response: { status: 200, description: "Shop location", schema: shopLocation } },
  { method: "put", path: "/me/business/location", tag: "Retailer portal", summary: "Set my shop's pin and receiving hours (owner)", description: about, auth: true, body, response: { status: 200, description: "Shop location", schema: shopLocation } },
];
