// The built-in optimizer: checks the input, runs the search, reports the plan through the evaluator.
import { evaluateRoute, indexProblem } from "./evaluate";
import { compile } from "./instance";
import { withTravelMatrix } from "./prepare";
import { Sisr } from "./sisr";
import type { DistanceProvider, PlannedRoute, Problem, RouteOptimizer, Solution, SolveOptions, UnassignedStop } from "./types";

const DEFAULT_ITERATIONS = 20_000;
// A bound even under a time limit, so a clock that stands still cannot keep the search going for ever.
const MAX_ITERATIONS = 50_000_000;

const REASON_DETAIL = {
  capacity: "no vehicle has room left for it in this plan",
  time_window: "no route has time left for its window",
  too_far: "no route can take the extra distance",
  no_vehicle: "no vehicle can take it in this plan",
} as const;

/**
 * Plans routes for a problem that carries its travel matrix (see `withTravelMatrix`). Deterministic: with the
 * same seed and no time limit, the same iteration budget gives the same plan.
 */
export function solveWithMatrix(problem: Problem, options: SolveOptions = {}): Solution {
  const clock = options.clock ?? (() => globalThis.performance.now());
  const started = clock();
  const lk = indexProblem(problem);
  const { inst, rejected } = compile(lk);
  const seed = options.seed ?? 1;
  const iterations = options.iterations ?? (options.timeLimitMs !== undefined ? MAX_ITERATIONS : DEFAULT_ITERATIONS);
  const search = new Sisr(inst, seed);
  const found = search.run({ seed, iterations, timeLimitMs: options.timeLimitMs ?? Infinity, clock });

  const routes: PlannedRoute[] = [];
  for (const locked of problem.lockedRoutes ?? []) {
    const v = lk.vehicles.get(locked.vehicleId);
    if (!v) continue;
    routes.push({ ...evaluateRoute(lk, v.id, locked.stopIds), depotId: v.depotId, locked: true });
  }
  found.routes.forEach((r, vi) => {
    if (r.length === 0) return;
    const id = inst.vehicleIds[vi];
    routes.push({ ...evaluateRoute(lk, id, r.map((c) => inst.stopIds[c])), depotId: lk.vehicles.get(id)!.depotId, locked: false });
  });
  const unassigned: UnassignedStop[] = [...rejected];
  for (const c of found.unassigned) {
    const reason = search.whyMissing(c);
    unassigned.push({ stopId: inst.stopIds[c], reason, detail: REASON_DETAIL[reason] });
  }
  const order = new Map(problem.vehicles.map((v, i) => [v.id, i]));
  routes.sort((a, b) => order.get(a.vehicleId)! - order.get(b.vehicleId)!);
  return {
    routes,
    unassigned,
    cost: routes.reduce((s, r) => s + r.cost, 0),
    distance: routes.reduce((s, r) => s + r.distance, 0),
    vehiclesUsed: routes.filter((r) => r.stopIds.length > 0).length,
    stats: {
      iterations: found.iterations,
      elapsedMs: clock() - started,
      seed,
      initialCost: found.initialCost,
      bestIteration: found.bestIteration,
    },
  };
}

/** The default `RouteOptimizer`: builds the matrix with the provider (great circle by default) when needed. */
export class BuiltInOptimizer implements RouteOptimizer {
  constructor(private readonly provider?: DistanceProvider) {}

  async solve(problem: Problem, options: SolveOptions = {}): Promise<Solution> {
    return solveWithMatrix(await withTravelMatrix(problem, this.provider), options);
  }
}
