import { describe, expect, it } from "vitest";
import { checkSolution } from "@/lib/routing/check";
import { euclideanMatrix } from "@/lib/routing/distance";
import { BuiltInOptimizer, solveWithMatrix } from "@/lib/routing/solve";
import type { Problem } from "@/lib/routing/types";
import { productProblem } from "@/bench/lib/routing-product";
import { planarProblem } from "./helpers";

const plan = (p: Problem, iterations = 1500, seed = 1) => solveWithMatrix(p, { iterations, seed });
const routeOf = (sol: ReturnType<typeof plan>, stopId: string) => sol.routes.find((r) => r.stopIds.includes(stopId));

describe("solver: feasibility and determinism", () => {
  it("plans every stop on feasible routes, windows and capacity kept", () => {
    const p = planarProblem(60, 8, 40, 3);
    const sol = plan(p);
    expect(checkSolution(p, sol)).toEqual([]);
    expect(sol.unassigned).toEqual([]);
    for (const r of sol.routes) {
      expect(r.feasible).toBe(true);
      for (const s of r.stops) {
        const [e, l] = p.stops.find((x) => x.id === s.stopId)!.timeWindows![0];
        expect(s.start).toBeGreaterThanOrEqual(e);
        expect(s.start).toBeLessThanOrEqual(l + 1e-9);
      }
    }
    expect(sol.stats.iterations).toBe(1500);
    expect(sol.cost).toBeLessThan(sol.stats.initialCost + 1e-9);
  });

  it("gives exactly the same plan for the same seed and iteration budget", () => {
    const p = planarProblem(50, 6, 45, 5);
    const a = plan(p, 800, 42);
    const b = plan(p, 800, 42);
    expect(b.routes.map((r) => [r.vehicleId, ...r.stopIds])).toEqual(a.routes.map((r) => [r.vehicleId, ...r.stopIds]));
    expect(b.cost).toBe(a.cost);
  });

  it("uses fewer vehicles when the fixed cost pays for the detour", () => {
    const base = planarProblem(30, 6, 200, 9, false);
    const cheap = plan(base, 800);
    const dear = plan({ ...base, vehicles: base.vehicles.map((v) => ({ ...v, fixedCost: 10_000 })) }, 800);
    expect(dear.vehiclesUsed).toBe(1);
    expect(cheap.vehiclesUsed).toBeGreaterThanOrEqual(1);
    expect(checkSolution(base, dear)).toEqual([]);
  });

  it("plans 200 product stops (lat/lng, windows, kg/m³/crates, 12 vehicles) with the haversine matrix well under 2 s", async () => {
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const t0 = cpu();
    const problem = productProblem(200);
    const sol = await new BuiltInOptimizer().solve(problem, { iterations: 2000, seed: 1 });
    const ms = cpu() - t0;
    expect(ms).toBeLessThan(2000);
    expect(sol.unassigned).toEqual([]);
    expect(sol.routes.every((r) => r.feasible)).toBe(true);
    expect(sol.routes[0].load).toHaveLength(3);
  });
});

describe("solver: locks", () => {
  it("keeps a locked stop on its vehicle and positioned locks in their order", () => {
    const p = planarProblem(40, 5, 60, 11);
    p.stops[0].lock = { vehicleId: "v3" };
    p.stops[1].lock = { vehicleId: "v2", position: 2 };
    p.stops[2].lock = { vehicleId: "v2", position: 1 };
    p.stops[3].lock = { vehicleId: "v2", position: 3 };
    p.stops.forEach((s) => (s.timeWindows = undefined));
    const sol = plan(p);
    expect(checkSolution(p, sol)).toEqual([]);
    expect(routeOf(sol, "s1")?.vehicleId).toBe("v3");
    const v2 = sol.routes.find((r) => r.vehicleId === "v2")!;
    const order = ["s3", "s2", "s4"].map((id) => v2.stopIds.indexOf(id));
    expect(order.every((x) => x >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("keeps a locked route exactly as given and plans the rest around it", () => {
    const p = planarProblem(30, 4, 80, 13, false);
    p.lockedRoutes = [{ vehicleId: "v1", stopIds: ["s7", "s3", "s22"] }];
    const sol = plan(p);
    expect(checkSolution(p, sol)).toEqual([]);
    const v1 = sol.routes.find((r) => r.vehicleId === "v1")!;
    expect(v1.stopIds).toEqual(["s7", "s3", "s22"]);
    expect(v1.locked).toBe(true);
    expect(sol.routes.filter((r) => r.vehicleId !== "v1").flatMap((r) => r.stopIds)).not.toContain("s3");
  });
});

describe("solver: infeasible inputs give reasons, never a crash or a hang", () => {
  const tiny = (): Problem => ({
    matrix: euclideanMatrix([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 0, y: 10 },
      { x: 500, y: 500 },
      { x: 10, y: 10 },
    ]),
    depots: [{ id: "d", matrixIndex: 0, close: 1000 }],
    vehicles: [
      { id: "a", depotId: "d", capacity: [10, 5], shiftStart: 100, maxDistance: 1200 },
      { id: "b", depotId: "d", capacity: [8, 8], shiftStart: 100, maxDistance: 1200 },
    ],
    stops: [
      { id: "heavy", matrixIndex: 1, demand: [11, 1] },
      { id: "early", matrixIndex: 2, demand: [1], timeWindows: [[0, 50]] },
      { id: "far", matrixIndex: 3, demand: [1] },
      { id: "ok", matrixIndex: 4, demand: [2, 2], timeWindows: [[100, 900]] },
    ],
  });

  it("names the reason of each unplaceable stop", () => {
    const p = tiny();
    const sol = plan(p, 200);
    const reasons = Object.fromEntries(sol.unassigned.map((u) => [u.stopId, u.reason]));
    expect(reasons).toEqual({ heavy: "capacity", early: "time_window", far: "too_far" });
    expect(sol.routes.flatMap((r) => r.stopIds)).toEqual(["ok"]);
    expect(checkSolution(p, sol)).toEqual([]);
  });

  it("reports a stop locked to a vehicle that is not there, and every stop when there are no vehicles", () => {
    const p = tiny();
    p.stops[3].lock = { vehicleId: "zz" };
    expect(plan(p, 50).unassigned.find((u) => u.stopId === "ok")?.reason).toBe("no_vehicle");
    const none = plan({ ...tiny(), vehicles: [] }, 50);
    expect(none.routes).toEqual([]);
    expect(none.unassigned.map((u) => u.reason)).toEqual(["no_vehicle", "no_vehicle", "no_vehicle", "no_vehicle"]);
  });

  it("reports a stop locked to a vehicle whose whole route is locked", () => {
    const p = tiny();
    p.lockedRoutes = [{ vehicleId: "b", stopIds: [] }];
    p.stops[3].lock = { vehicleId: "b" };
    const sol = plan(p, 50);
    expect(sol.unassigned.find((u) => u.stopId === "ok")).toMatchObject({ reason: "no_vehicle", detail: expect.stringMatching(/route is locked/) });
    expect(checkSolution(p, sol)).toEqual([]);
  });

  it("serves a stop in its second window when the first cannot be met", () => {
    const p = tiny();
    p.stops[3].timeWindows = [
      [0, 50],
      [600, 700],
    ];
    const sol = plan(p, 100);
    const ok = sol.routes.flatMap((r) => r.stops).find((s) => s.stopId === "ok")!;
    expect(ok.start).toBe(600);
    expect(checkSolution(p, sol)).toEqual([]);
  });

  it("handles an empty problem", () => {
    const sol = plan({ ...tiny(), stops: [] }, 100);
    expect(sol).toMatchObject({ routes: [], unassigned: [], cost: 0, vehiclesUsed: 0 });
  });

  it("reports what the fleet cannot carry as capacity when each stop fits alone", () => {
    const p = planarProblem(20, 2, 10, 17, false);
    p.stops.forEach((s) => (s.demand = [4]));
    const sol = plan(p, 300);
    expect(checkSolution(p, sol)).toEqual([]);
    expect(sol.routes.flatMap((r) => r.stopIds)).toHaveLength(4);
    expect(sol.unassigned).toHaveLength(16);
    expect(new Set(sol.unassigned.map((u) => u.reason))).toEqual(new Set(["capacity"]));
  });

  it("stops at the time limit", () => {
    let now = 0;
    const sol = solveWithMatrix(planarProblem(40, 6, 50, 19), { timeLimitMs: 50, clock: () => (now += 1) });
    expect(sol.stats.iterations).toBeGreaterThan(0);
    // One clock reading per 128 iterations, 1 ms each: the 50 ms limit ends the search after about 6,400.
    expect(sol.stats.iterations).toBeLessThan(8000);
  });
});
