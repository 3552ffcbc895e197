// The route evaluator: ETAs, load, distance, cost and violations of one vehicle's ordered stops. The product
// calls it after the dispatcher moves a stop by hand; the solver's plans are reported through it as well.
import type { Depot, Problem, RouteEvaluation, Stop, StopTiming, TravelMatrix, Vehicle, Violation } from "./types";

const EPS = 1e-7;

export interface ProblemLookup {
  problem: Problem;
  matrix: TravelMatrix;
  stops: Map<string, Stop>;
  vehicles: Map<string, Vehicle>;
  depots: Map<string, Depot>;
  /** Capacity dimensions: the longest capacity or demand vector. */
  dimensions: number;
}

export function indexProblem(problem: Problem): ProblemLookup {
  if (!problem.matrix) throw new Error("the problem has no travel matrix: call withTravelMatrix first");
  const stops = new Map<string, Stop>();
  const vehicles = new Map<string, Vehicle>();
  const depots = new Map<string, Depot>();
  let dimensions = 1;
  for (const d of problem.depots) {
    if (depots.has(d.id)) throw new Error(`duplicate depot id ${d.id}`);
    checkIndex(problem.matrix, d.matrixIndex, `depot ${d.id}`);
    depots.set(d.id, d);
  }
  for (const v of problem.vehicles) {
    if (vehicles.has(v.id)) throw new Error(`duplicate vehicle id ${v.id}`);
    if (!depots.has(v.depotId)) throw new Error(`vehicle ${v.id} names an unknown depot ${v.depotId}`);
    vehicles.set(v.id, v);
    dimensions = Math.max(dimensions, v.capacity.length);
  }
  for (const s of problem.stops) {
    if (stops.has(s.id)) throw new Error(`duplicate stop id ${s.id}`);
    checkIndex(problem.matrix, s.matrixIndex, `stop ${s.id}`);
    stops.set(s.id, s);
    dimensions = Math.max(dimensions, s.demand.length);
  }
  return { problem, matrix: problem.matrix, stops, vehicles, depots, dimensions };
}

function checkIndex(m: TravelMatrix, index: number | undefined, what: string) {
  if (index === undefined || !Number.isInteger(index) || index < 0 || index >= m.size) {
    throw new Error(`${what} has no valid matrixIndex into the travel matrix`);
  }
}

export function vehicleStart(v: Vehicle, d: Depot): number {
  const s = Math.max(v.shiftStart ?? -Infinity, d.open ?? -Infinity);
  return s === -Infinity ? 0 : s;
}

export function vehicleEnd(v: Vehicle, d: Depot): number {
  return Math.min(v.shiftEnd ?? Infinity, d.close ?? Infinity);
}

export function costPerDistance(v: Vehicle): number {
  return v.costPerDistance ?? (v.costPerKm !== undefined ? v.costPerKm / 1000 : 1);
}

/** Sorted windows with earliest ≤ latest; no windows: any time. */
export function normalizedWindows(s: Stop): [number, number][] {
  const w = (s.timeWindows ?? []).filter(([e, l]) => e <= l).map(([e, l]) => [e, l] as [number, number]);
  w.sort((a, b) => a[0] - b[0]);
  return w.length > 0 ? w : [[-Infinity, Infinity]];
}

/** Arrival, start, departure and violations of `stopIds` in that order on `vehicleId`, leaving at the shift start. */
export function evaluateRoute(problem: Problem | ProblemLookup, vehicleId: string, stopIds: readonly string[]): RouteEvaluation {
  const lk = "stops" in problem && problem.stops instanceof Map ? (problem as ProblemLookup) : indexProblem(problem as Problem);
  const vehicle = lk.vehicles.get(vehicleId);
  if (!vehicle) throw new Error(`unknown vehicle ${vehicleId}`);
  const depot = lk.depots.get(vehicle.depotId)!;
  const { distance, duration, size } = lk.matrix;
  const K = lk.dimensions;
  const violations: Violation[] = [];
  const known = stopIds.filter((id) => {
    if (lk.stops.has(id)) return true;
    violations.push({ kind: "unknown_stop", stopId: id, amount: 0 });
    return false;
  });
  const total = new Array<number>(K).fill(0);
  for (const id of known) {
    const s = lk.stops.get(id)!;
    for (let k = 0; k < K; k++) total[k] += s.demand[k] ?? 0;
  }
  for (let k = 0; k < K; k++) {
    const cap = vehicle.capacity[k] ?? 0;
    if (total[k] > cap + EPS) violations.push({ kind: "capacity", amount: total[k] - cap, dimension: k });
  }
  const start = vehicleStart(vehicle, depot);
  const end = vehicleEnd(vehicle, depot);
  const onBoard = total.slice();
  const stops: StopTiming[] = [];
  let t = start;
  let dist = 0;
  let prev = depot.matrixIndex!;
  let prevService = 0;
  for (const id of known) {
    const s = lk.stops.get(id)!;
    const node = s.matrixIndex!;
    const leg = distance[prev * size + node];
    if (!Number.isFinite(leg)) violations.push({ kind: "unreachable", stopId: id, amount: 0 });
    const arrival = t + prevService + duration[prev * size + node];
    let begin = arrival;
    let late = 0;
    const windows = normalizedWindows(s);
    const w = windows.find(([, l]) => l >= arrival - EPS);
    if (w) begin = Math.max(arrival, w[0]);
    else {
      late = arrival - windows[windows.length - 1][1];
      violations.push({ kind: "late", stopId: id, amount: late });
    }
    for (let k = 0; k < K; k++) onBoard[k] -= s.demand[k] ?? 0;
    dist += leg;
    const service = s.serviceTime ?? 0;
    stops.push({ stopId: id, arrival, start: begin, departure: begin + service, waiting: begin - arrival, loadAfter: onBoard.map(clean), distanceFromPrevious: leg, late });
    t = begin;
    prevService = service;
    prev = node;
  }
  let returnTime = start;
  let departure = start;
  if (known.length > 0) {
    const home = depot.matrixIndex!;
    dist += distance[prev * size + home];
    returnTime = t + prevService + duration[prev * size + home];
    // Leave later instead of waiting at the first stop: nothing after it changes.
    const first = stops[0];
    departure = start + first.waiting;
    first.arrival = first.start;
    first.waiting = 0;
  }
  if (returnTime > end + EPS) violations.push({ kind: "shift_end", amount: returnTime - end });
  if (vehicle.maxDistance !== undefined && dist > vehicle.maxDistance + EPS) {
    violations.push({ kind: "max_distance", amount: dist - vehicle.maxDistance });
  }
  const cost = known.length > 0 ? (vehicle.fixedCost ?? 0) + costPerDistance(vehicle) * dist : 0;
  return {
    vehicleId,
    stopIds: known,
    stops,
    departure,
    returnTime,
    distance: dist,
    duration: returnTime - departure,
    load: total.map(clean),
    cost,
    violations,
    feasible: violations.length === 0,
  };
}

function clean(x: number) {
  return Math.abs(x) < 1e-9 ? 0 : x;
}
