// The route-planning problem model shared by the product ("plan the day") and the benchmarks.
// Times are seconds (abstract units for the benchmarks), distances metres (abstract units likewise).

/** A point on the earth (for the great-circle provider) or a point in the plane (for benchmark sets). */
export type Location = { lat: number; lng: number } | { x: number; y: number };

/** A square travel matrix in row-major order: `distance[i * size + j]` from point i to point j. */
export interface TravelMatrix {
  size: number;
  distance: Float64Array;
  duration: Float64Array;
}

export interface Depot {
  id: string;
  location?: Location;
  /** Index into `Problem.matrix` when the problem carries its own matrix. */
  matrixIndex?: number;
  /** Earliest departure (default 0). */
  open?: number;
  /** Every vehicle of this depot must be back by this time (default: no limit). */
  close?: number;
}

export interface Vehicle {
  id: string;
  depotId: string;
  /** One entry per capacity dimension (the product: kg, m³, crates; the benchmarks: one). */
  capacity: number[];
  shiftStart?: number;
  shiftEnd?: number;
  /** Cost of using the vehicle at all (one trip). */
  fixedCost?: number;
  /** Cost per kilometre when distances are metres. */
  costPerKm?: number;
  /** Cost per matrix distance unit; wins over `costPerKm`. Default 1 when neither is given. */
  costPerDistance?: number;
  /** Longest route distance allowed, depot to depot. */
  maxDistance?: number;
}

/** [earliest, latest] for the start of service. */
export type TimeWindow = readonly [number, number];

export interface StopLock {
  vehicleId: string;
  /** With a position the stop keeps its order relative to the vehicle's other positioned locks. */
  position?: number;
}

export interface Stop {
  id: string;
  location?: Location;
  matrixIndex?: number;
  /** One entry per capacity dimension; missing entries count as 0. */
  demand: number[];
  /** Service may start in any of these windows (waiting before a window is allowed). None: any time. */
  timeWindows?: TimeWindow[];
  serviceTime?: number;
  lock?: StopLock;
}

/** A route kept exactly as given (the dispatcher locked the whole trip). */
export interface LockedRoute {
  vehicleId: string;
  stopIds: string[];
}

export interface Problem {
  depots: Depot[];
  vehicles: Vehicle[];
  stops: Stop[];
  lockedRoutes?: LockedRoute[];
  /** When present, every depot and stop needs a `matrixIndex` into it. */
  matrix?: TravelMatrix;
}

export type UnassignedReason =
  /** Larger than every vehicle it may use, or the fleet's room is used up by the rest of the plan. */
  | "capacity"
  /** Its window cannot be reached from the depot within the shift, or no route has time left for it. */
  | "time_window"
  /** Beyond a vehicle's maximum distance, or unreachable (no road in the matrix). */
  | "too_far"
  /** No vehicle may carry it: no vehicles, the lock names an unknown or fully locked vehicle, or none has room left. */
  | "no_vehicle";

export interface UnassignedStop {
  stopId: string;
  reason: UnassignedReason;
  detail: string;
}

export interface StopTiming {
  stopId: string;
  arrival: number;
  /** Start of service (after any waiting for the window). */
  start: number;
  departure: number;
  waiting: number;
  /** Load on board after this stop, per dimension (deliveries: decreasing along the route). */
  loadAfter: number[];
  /** Distance from the previous point (depot or stop). */
  distanceFromPrevious: number;
  /** Lateness past the latest window bound (0 when kept). */
  late: number;
}

export type ViolationKind = "late" | "capacity" | "shift_end" | "max_distance" | "unknown_stop" | "unreachable";

export interface Violation {
  kind: ViolationKind;
  stopId?: string;
  /** By how much (seconds late, units over capacity on `dimension`, distance over the limit). */
  amount: number;
  dimension?: number;
}

export interface RouteEvaluation {
  vehicleId: string;
  stopIds: string[];
  stops: StopTiming[];
  /** Departure from the depot, as late as possible without waiting at the first stop. */
  departure: number;
  /** Back at the depot. */
  returnTime: number;
  distance: number;
  duration: number;
  /** Total carried per dimension (loaded at the depot). */
  load: number[];
  cost: number;
  violations: Violation[];
  feasible: boolean;
}

export interface PlannedRoute extends RouteEvaluation {
  depotId: string;
  locked: boolean;
}

export interface SolveStats {
  iterations: number;
  elapsedMs: number;
  seed: number;
  initialCost: number;
  /** The iteration that found the returned plan. */
  bestIteration: number;
}

export interface Solution {
  /** Only vehicles that are used. */
  routes: PlannedRoute[];
  unassigned: UnassignedStop[];
  /** Sum of route costs (fixed cost per used vehicle + distance cost). */
  cost: number;
  distance: number;
  vehiclesUsed: number;
  stats: SolveStats;
}

export interface SolveOptions {
  seed?: number;
  /** Ruin-and-recreate iterations; the plan is a function of the seed and this budget alone. */
  iterations?: number;
  /** Stop after this many milliseconds of `clock` (the time check is the only use of a clock). */
  timeLimitMs?: number;
  /** Milliseconds; defaults to `performance.now()`. The bench passes the process's CPU time. */
  clock?: () => number;
}

export interface DistanceProvider {
  /** Distances and travel times between every pair of points, in the order given. */
  matrix(points: Location[]): Promise<TravelMatrix>;
}

export interface RouteOptimizer {
  solve(problem: Problem, options?: SolveOptions): Promise<Solution>;
}
