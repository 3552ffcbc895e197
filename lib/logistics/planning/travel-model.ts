// How the product turns map positions into travel: great-circle distance times a road factor, an average
// town-and-highway speed, and a fixed time at each door. One model for the planner and for the ETAs of a
// trip edited by hand, so a moved stop's ETA agrees with what the planner would have said.
import { HaversineProvider } from "@/lib/routing/distance";

export const TRAVEL_MODEL = {
  /** Road kilometres per straight-line kilometre in Indian towns (ERPNext and VROOM users quote 1.2–1.4). */
  roadFactor: 1.3,
  /** A delivery van's average across town streets and the highway between towns. */
  averageKmph: 28,
  /** Unloading and signing at one door. */
  minutesPerStop: 10,
} as const;

export function travelProvider() {
  return new HaversineProvider({ roadFactor: TRAVEL_MODEL.roadFactor, speedKmh: TRAVEL_MODEL.averageKmph });
}
