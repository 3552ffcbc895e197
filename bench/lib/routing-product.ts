// A synthetic "plan the day" problem shaped like the product's: one depot in a city, shops with lat/lng,
// receiving hours, weight/volume/crates and service times, a mixed own/hired fleet. Seeded, so repeatable.
import type { Problem } from "../../lib/routing/types";

export function productProblem(stops = 200, seed = 7): Problem {
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const depot = { lat: 12.9716, lng: 77.5946 }; // a warehouse in Bengaluru
  const hour = 3600;
  const vehicles = Array.from({ length: 12 }, (_, i) => {
    const hired = i >= 8;
    return {
      id: `KA-01-${1000 + i}`,
      depotId: "wh",
      capacity: hired ? [1500, 8, 120] : [1000, 6, 80],
      shiftStart: 8 * hour,
      shiftEnd: 20 * hour,
      fixedCost: hired ? 1200 : 400,
      costPerKm: hired ? 22 : 14,
    };
  });
  return {
    depots: [{ id: "wh", location: depot, open: 7 * hour, close: 21 * hour }],
    vehicles,
    stops: Array.from({ length: stops }, (_, i) => {
      const r = 0.02 + 0.12 * Math.sqrt(rnd());
      const a = rnd() * 2 * Math.PI;
      const open = (9 + Math.floor(rnd() * 4)) * hour;
      const window: [number, number] = rnd() < 0.6 ? [open, open + 4 * hour] : [9 * hour, 19 * hour];
      return {
        id: `S${i + 1}`,
        location: { lat: depot.lat + r * Math.sin(a), lng: depot.lng + r * Math.cos(a) },
        demand: [20 + Math.round(rnd() * 80), Math.round(rnd() * 40) / 100, 1 + Math.floor(rnd() * 6)],
        timeWindows: [window],
        serviceTime: 5 * 60 + Math.round(rnd() * 10) * 60,
      };
    }),
  };
}
