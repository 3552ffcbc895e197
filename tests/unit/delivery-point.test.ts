// Where a delivery goes and when: the resolution order, the PIN code table, the map pages' CSP.
import { describe, expect, it } from "vitest";
import { pageContentSecurityPolicy, tileSource } from "@/lib/http/security-headers";
import { resolveDeliveryPoint, type DeliveryPointRow } from "@/lib/logistics/geo/delivery-point";
import { locationInput } from "@/lib/logistics/geo/geo.schemas";
import { pincodeCount, pincodePosition } from "@/lib/logistics/geo/pincodes";

const none = { deliveryLatitude: null, deliveryLongitude: null, receivingFromMin: null, receivingToMin: null, shippingLine1: null, shippingPincode: null };
const shop = { latitude: null, longitude: null, receivingFromMin: null, receivingToMin: null, pincode: "422001" };
const row = (c: Partial<DeliveryPointRow["connection"]> = {}, r: Partial<DeliveryPointRow["retailer"]> = {}): DeliveryPointRow => ({ connection: { ...none, ...c }, retailer: { ...shop, ...r } });
const centre = (pin: string) => (pin === "422001" ? { lat: 20, lng: 73.8 } : pin === "422010" ? { lat: 19.93, lng: 73.74 } : null);

describe("delivery point", () => {
  it("vendor pin → retailer's shop pin → PIN code centre → none", () => {
    expect(resolveDeliveryPoint(row({ deliveryLatitude: 19.1, deliveryLongitude: 73.1 }, { latitude: 19.2, longitude: 73.2 }), centre).position).toEqual({ lat: 19.1, lng: 73.1, source: "vendor_pin" });
    expect(resolveDeliveryPoint(row({}, { latitude: 19.2, longitude: 73.2 }), centre).position).toEqual({ lat: 19.2, lng: 73.2, source: "retailer_pin" });
    expect(resolveDeliveryPoint(row(), centre).position).toEqual({ lat: 20, lng: 73.8, source: "pincode" });
    expect(resolveDeliveryPoint(row({}, { pincode: "999999" }), centre).position).toBeNull();
  });

  it("a connection with its own ship-to skips the shop pin and uses the ship-to PIN code", () => {
    const p = resolveDeliveryPoint(row({ shippingLine1: "Godown 3", shippingPincode: "422010" }, { latitude: 19.2, longitude: 73.2 }), centre);
    expect(p).toMatchObject({ pincode: "422010", position: { lat: 19.93, lng: 73.74, source: "pincode" } });
  });

  it("hours: the vendor's, else the retailer's, else none", () => {
    expect(resolveDeliveryPoint(row({ receivingFromMin: 600, receivingToMin: 720 }, { receivingFromMin: 540, receivingToMin: 1260 }), centre).window).toEqual({ fromMin: 600, toMin: 720, source: "vendor" });
    expect(resolveDeliveryPoint(row({}, { receivingFromMin: 540, receivingToMin: 1260 }), centre).window).toEqual({ fromMin: 540, toMin: 1260, source: "retailer" });
    expect(resolveDeliveryPoint(row(), centre).window).toBeNull();
  });

  it("the PIN code table: India Post's codes with positions inside India", () => {
    expect(pincodeCount()).toBeGreaterThan(19000);
    // Connaught Place, New Delhi; Fort, Mumbai; MG Road, Bengaluru — within a few km of the known centres.
    expect(pincodePosition("110001")).toEqual({ lat: expect.closeTo(28.63, 1), lng: expect.closeTo(77.22, 1) });
    expect(pincodePosition("400001")).toEqual({ lat: expect.closeTo(18.94, 1), lng: expect.closeTo(72.83, 1) });
    expect(pincodePosition("560001")).toEqual({ lat: expect.closeTo(12.97, 1), lng: expect.closeTo(77.6, 1) });
    expect(pincodePosition("000000")).toBeNull();
    expect(pincodePosition("12345")).toBeNull();
    expect(pincodePosition(null)).toBeNull();
  });

  it("input: pairs complete, inside India, HH:MM with opening before closing", () => {
    expect(locationInput.safeParse({ latitude: 19.99, longitude: 73.79, receivingFrom: "09:30", receivingTo: "24:00" }).success).toBe(true);
    expect(locationInput.safeParse({ latitude: null, longitude: null }).success).toBe(true);
    for (const bad of [{ latitude: 19.99 }, { latitude: 40, longitude: 73 }, { receivingFrom: "25:00", receivingTo: "26:00" }, { receivingFrom: "10:00", receivingTo: "10:00" }, { x: 1 }]) {
      expect(locationInput.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("map tiles in the page policy", () => {
  it("takes the tile host from the URL template, with a wildcard for {s}", () => {
    expect(tileSource("https://tile.openstreetmap.org/{z}/{x}/{y}.png")).toBe("https://tile.openstreetmap.org");
    expect(tileSource("https://{s}.tile.example.org/{z}/{x}/{y}.png")).toBe("https://*.tile.example.org");
    expect(tileSource(null)).toBeNull();
  });

  it("map pages may load tiles; other pages may not; tiles off adds nothing", () => {
    const tiles = "https://tiles.example.in/{z}/{x}/{y}.png";
    const img = (pathname: string, mapTiles: string | null) => /img-src ([^;]+)/.exec(pageContentSecurityPolicy({ nonce: "n", pathname, mapTiles }))![1];
    expect(img("/retailers/abc", tiles)).toContain("https://tiles.example.in");
    expect(img("/portal/profile", tiles)).toContain("https://tiles.example.in");
    expect(img("/trips/t1", tiles)).toContain("https://tiles.example.in");
    expect(img("/invoices", tiles)).not.toContain("tiles.example.in");
    expect(img("/retailers/abc", null)).not.toContain("https://");
  });
});
