// A dispatcher's manual move: take a stop off its route and put it on a vehicle at a given place; both routes
// are re-evaluated (ETAs, load, violations) so the screen can show the new times and any lateness at once.
import { evaluateRoute, indexProblem, type ProblemLookup } from "./evaluate";
import type { Problem, RouteEvaluation } from "./types";

export interface RouteDraft {
  vehicleId: string;
  stopIds: string[];
}

export interface MoveResult {
  routes: RouteDraft[];
  /** The routes the move changed (one when the stop moved within its route), evaluated. */
  changed: RouteEvaluation[];
}

/** `toIndex` counts stops on the target route after the stop is taken off (clamped to its length). */
export function moveStop(problem: Problem | ProblemLookup, routes: readonly RouteDraft[], stopId: string, toVehicleId: string, toIndex: number): MoveResult {
  const lk = "stops" in problem && problem.stops instanceof Map ? (problem as ProblemLookup) : indexProblem(problem as Problem);
  if (!lk.stops.has(stopId)) throw new Error(`unknown stop ${stopId}`);
  if (!lk.vehicles.has(toVehicleId)) throw new Error(`unknown vehicle ${toVehicleId}`);
  const next = routes.map((r) => ({ vehicleId: r.vehicleId, stopIds: r.stopIds.filter((id) => id !== stopId) }));
  const from = routes.find((r) => r.stopIds.includes(stopId))?.vehicleId;
  let target = next.find((r) => r.vehicleId === toVehicleId);
  if (!target) {
    target = { vehicleId: toVehicleId, stopIds: [] };
    next.push(target);
  }
  const at = Math.max(0, Math.min(target.stopIds.length, Math.floor(toIndex)));
  target.stopIds.splice(at, 0, stopId);
  const ids = from && from !== toVehicleId ? [from, toVehicleId] : [toVehicleId];
  return {
    routes: next,
    changed: ids.map((id) => evaluateRoute(lk, id, next.find((r) => r.vehicleId === id)!.stopIds)),
  };
}
