// The order events people are told about, and what staff see on the subscription screen.
export const orderEvents = [
  { event: "order.placed", kind: "placed", label: "Order placed", description: "A retailer (or your team) places a new order." },
  { event: "order.confirmed", kind: "confirmed", label: "Order confirmed", description: "An order is confirmed for packing." },
  { event: "order.dispatched", kind: "dispatched", label: "Order dispatched", description: "An order leaves the warehouse." },
  { event: "order.delivered", kind: "delivered", label: "Order delivered", description: "The retailer received an order." },
  { event: "order.cancelled", kind: "cancelled", label: "Order cancelled", description: "An order is cancelled, by the retailer or by your team." },
] as const;

export type OrderEventName = (typeof orderEvents)[number]["event"];
export type NotifiableKind = (typeof orderEvents)[number]["kind"];

export const orderEventNames = orderEvents.map((e) => e.event) as [OrderEventName, ...OrderEventName[]];

/** "placed" → "order.placed"; null for kinds nobody is told about (packed, edited, held, ...). */
export function eventNameOf(kind: string): OrderEventName | null {
  return orderEvents.find((e) => e.kind === kind)?.event ?? null;
}
