// Estimated arrival at each stop, from the planned departure: straight-line kilometres between
// positions times a road factor, at an average town speed, plus a fixed time at each door. A stop
// without a position gets no ETA, and neither does any stop after it. Pure: no database, no clock.

const ROAD_FACTOR = 1.3;
const AVERAGE_KMPH = 25;
const MINUTES_AT_STOP = 15;

export type Point = { lat: number; lng: number };

export function haversineKm(a: Point, b: Point): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** For each stop in order: road km from the previous point and the ETA (null when unknown). */
export function estimateArrivals(depot: Point | null, departure: Date | null, stops: (Point | null)[]): { legKm: number | null; eta: Date | null }[] {
  let at = departure ? departure.getTime() : null;
  let from = depot;
  return stops.map((p) => {
    if (!p || !from) {
      from = p;
      at = null;
      return { legKm: null, eta: null };
    }
    const km = haversineKm(from, p) * ROAD_FACTOR;
    from = p;
    if (at === null) return { legKm: round2(km), eta: null };
    const eta = at + (km / AVERAGE_KMPH) * 3_600_000;
    at = eta + MINUTES_AT_STOP * 60_000;
    return { legKm: round2(km), eta: new Date(eta) };
  });
}

function round2(n: number) {
  return Math.round(n * 100) / 100;
}
