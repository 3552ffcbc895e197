// An independent checker for benchmark plans: it recomputes everything from the file's raw numbers (not from
// the solver's matrix or caches) — each customer exactly once, capacity, windows, back before the depot closes.
import type { BenchmarkInstance } from "../../lib/routing/formats/benchmark";

export interface CheckResult {
  cost: number;
  vehicles: number;
  violations: string[];
}

/** `routes`: the file's own customer numbers per route, depot left out. */
export function checkBenchmarkPlan(inst: BenchmarkInstance, routes: number[][]): CheckResult {
  const byId = new Map(inst.customers.map((c) => [c.id, c]));
  const seen = new Map<number, number>();
  const violations: string[] = [];
  const round = inst.kind === "cvrp";
  const d = (a: { x: number; y: number }, b: { x: number; y: number }) => {
    const e = Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);
    return round ? Math.round(e) : e;
  };
  let cost = 0;
  const used = routes.filter((r) => r.length > 0);
  if (used.length > inst.vehicles) violations.push(`${used.length} routes but only ${inst.vehicles} vehicles`);
  used.forEach((route, ri) => {
    let prev = inst.depot;
    let t = inst.depot.ready;
    let load = 0;
    for (const id of route) {
      const c = byId.get(id);
      if (!c) {
        violations.push(`route ${ri + 1}: unknown customer ${id}`);
        continue;
      }
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const leg = d(prev, c);
      cost += leg;
      const arrival = t + (prev === inst.depot ? 0 : prev.service) + leg;
      if (arrival > c.due + 1e-6) violations.push(`route ${ri + 1}: customer ${id} reached at ${arrival.toFixed(2)} after its due date ${c.due}`);
      t = Math.max(arrival, c.ready);
      load += c.demand;
      prev = c;
    }
    const leg = d(prev, inst.depot);
    cost += leg;
    const back = t + (prev === inst.depot ? 0 : prev.service) + leg;
    if (back > inst.depot.due + 1e-6) violations.push(`route ${ri + 1}: back at ${back.toFixed(2)} after the depot closes at ${inst.depot.due}`);
    if (load > inst.capacity) violations.push(`route ${ri + 1}: load ${load} over capacity ${inst.capacity}`);
  });
  for (const c of inst.customers) {
    const n = seen.get(c.id) ?? 0;
    if (n !== 1) violations.push(`customer ${c.id} served ${n} times`);
  }
  return { cost, vehicles: used.length, violations };
}
