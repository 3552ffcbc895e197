// Checks a whole plan against the problem with the evaluator alone (nothing from the search): every stop
// exactly once (on a route or reported unassigned), every route within capacity, windows, shift and distance,
// locks kept. Returns what is wrong, an empty list when the plan is sound.
import { evaluateRoute, indexProblem } from "./evaluate";
import type { Problem, Solution } from "./types";

export function checkSolution(problem: Problem, solution: Solution): string[] {
  const lk = indexProblem(problem);
  const issues: string[] = [];
  const seen = new Map<string, number>();
  const vehiclesSeen = new Set<string>();
  for (const route of solution.routes) {
    if (vehiclesSeen.has(route.vehicleId)) issues.push(`vehicle ${route.vehicleId} has two routes`);
    vehiclesSeen.add(route.vehicleId);
    const ev = evaluateRoute(lk, route.vehicleId, route.stopIds);
    for (const v of ev.violations) issues.push(`vehicle ${route.vehicleId}: ${v.kind}${v.stopId ? ` at ${v.stopId}` : ""} (${v.amount})`);
    for (const id of route.stopIds) seen.set(id, (seen.get(id) ?? 0) + 1);
    route.stopIds.forEach((id) => {
      const lock = lk.stops.get(id)?.lock;
      if (lock && lock.vehicleId !== route.vehicleId) issues.push(`stop ${id} is locked to ${lock.vehicleId} but planned on ${route.vehicleId}`);
    });
    const ranked = route.stopIds.map((id) => lk.stops.get(id)?.lock).filter((l) => l?.position !== undefined).map((l) => l!.position!);
    for (let i = 1; i < ranked.length; i++) if (ranked[i] < ranked[i - 1]) issues.push(`vehicle ${route.vehicleId}: locked positions out of order`);
  }
  for (const locked of problem.lockedRoutes ?? []) {
    if (!lk.vehicles.has(locked.vehicleId)) continue;
    const r = solution.routes.find((x) => x.vehicleId === locked.vehicleId);
    if (!r || r.stopIds.join("\u0000") !== locked.stopIds.filter((id) => lk.stops.has(id)).join("\u0000")) {
      issues.push(`locked route of ${locked.vehicleId} changed`);
    }
  }
  for (const u of solution.unassigned) seen.set(u.stopId, (seen.get(u.stopId) ?? 0) + 1);
  for (const s of problem.stops) {
    const n = seen.get(s.id) ?? 0;
    if (n !== 1) issues.push(`stop ${s.id} appears ${n} times`);
  }
  return issues;
}
