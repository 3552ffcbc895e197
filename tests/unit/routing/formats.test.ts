import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkBenchmarkPlan } from "@/bench/lib/routing-check";
import { detectFormat, parseBenchmark } from "@/lib/routing/formats/detect";
import { parseSolomon } from "@/lib/routing/formats/solomon";
import { parseVrplib } from "@/lib/routing/formats/vrplib";
import { solveWithMatrix } from "@/lib/routing/solve";

const VRP = `NAME : tiny-n4
COMMENT : hand made
TYPE : CVRP
DIMENSION : 4
EDGE_WEIGHT_TYPE : EUC_2D
CAPACITY : 10
NODE_COORD_SECTION
 1 0 0
 2 3 4
 3 0 7
 4 -6 0
DEMAND_SECTION
1 0
2 6
3 4
4 7
DEPOT_SECTION
 1
 -1
EOF
`;

const SOLOMON = `T3

VEHICLE
NUMBER     CAPACITY
  2         10

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      0          0          0          0        100          0
    1      3          4          5         10         20          2
    2      0          7          6          0         50          3
    3      6          8          4         30         40          1
`;

const data = path.resolve(import.meta.dirname, "../../../../shared/data");

describe("VRPLIB adapter", () => {
  it("reads coordinates, demands, depot and capacity with rounded distances", () => {
    const inst = parseVrplib(VRP);
    expect(detectFormat(VRP)).toBe("vrplib");
    expect(inst).toMatchObject({ name: "tiny-n4", kind: "cvrp", capacity: 10, vehicles: 3 });
    expect(inst.depot).toMatchObject({ id: 1, x: 0, y: 0 });
    expect(inst.customers.map((c) => [c.id, c.demand])).toEqual([
      [2, 6],
      [3, 4],
      [4, 7],
    ]);
    const m = inst.problem.matrix!;
    expect(m.distance[0 * 4 + 1]).toBe(5);
    expect(m.distance[1 * 4 + 2]).toBe(4); // √18 = 4.24, rounded
    expect(inst.problem.stops.map((s) => s.id)).toEqual(["2", "3", "4"]);
  });

  it("solves it to the optimum, checked by the independent checker", () => {
    const inst = parseVrplib(VRP);
    const sol = solveWithMatrix(inst.problem, { iterations: 300 });
    const check = checkBenchmarkPlan(
      inst,
      sol.routes.map((r) => r.stopIds.map(Number)),
    );
    expect(check.violations).toEqual([]);
    // {2,3}: 5 + 4 + 7 = 16; {4}: 6 + 6 = 12 → 28 (2 and 4 or 3 and 4 together exceed the capacity).
    expect(check.cost).toBe(28);
  });

  it("rejects an unsupported edge weight type", () => {
    expect(() => parseVrplib(VRP.replace("EUC_2D", "GEO"))).toThrow(/EDGE_WEIGHT_TYPE GEO/);
  });
});

describe("Solomon adapter", () => {
  it("reads vehicles, capacity, windows and service times; the depot due date closes the day", () => {
    const inst = parseSolomon(SOLOMON);
    expect(detectFormat(SOLOMON)).toBe("solomon");
    expect(inst).toMatchObject({ name: "T3", kind: "vrptw", capacity: 10, vehicles: 2 });
    expect(inst.problem.depots[0]).toMatchObject({ open: 0, close: 100 });
    expect(inst.problem.stops[2]).toMatchObject({ id: "3", demand: [4], timeWindows: [[30, 40]], serviceTime: 1 });
    expect(inst.problem.matrix!.distance[1 * 4 + 3]).toBeCloseTo(5, 12);
    expect(inst.problem.matrix!.distance[2 * 4 + 3]).toBeCloseTo(Math.hypot(6, 1), 12); // not rounded
    const sol = solveWithMatrix(inst.problem, { iterations: 300 });
    const check = checkBenchmarkPlan(
      inst,
      sol.routes.map((r) => r.stopIds.map(Number)),
    );
    expect(check.violations).toEqual([]);
    expect(sol.unassigned).toEqual([]);
  });

  it("the checker catches a window missed, a customer twice and an overload", () => {
    const inst = parseSolomon(SOLOMON);
    const bad = checkBenchmarkPlan(inst, [[3, 1, 2], [2]]).violations.join("\n");
    expect(bad).toMatch(/customer 1 reached at .* after its due date 20/);
    expect(bad).toMatch(/load 15 over capacity 10/);
    expect(bad).toMatch(/customer 2 served 2 times/);
  });
});

describe.skipIf(!existsSync(data))("real benchmark files", () => {
  it("reads CVRPLIB A-n32-k5 and Solomon C101", () => {
    const a = parseBenchmark(readFileSync(path.join(data, "cvrplib/A/A-n32-k5.vrp"), "utf8"));
    expect(a).toMatchObject({ name: "A-n32-k5", capacity: 100 });
    expect(a.customers).toHaveLength(31);
    expect(a.customers.reduce((s, c) => s + c.demand, 0)).toBe(410);
    const c = parseBenchmark(readFileSync(path.join(data, "solomon/C101.txt"), "utf8"));
    expect(c).toMatchObject({ name: "C101", capacity: 200, vehicles: 25 });
    expect(c.customers).toHaveLength(100);
    expect(c.depot).toMatchObject({ due: 1236 });
    expect(c.customers[0]).toMatchObject({ id: 1, x: 45, y: 68, demand: 10, ready: 912, due: 967, service: 90 });
    const sol = solveWithMatrix(a.problem, { iterations: 2000 });
    const check = checkBenchmarkPlan(
      a,
      sol.routes.map((r) => r.stopIds.map(Number)),
    );
    expect(check.violations).toEqual([]);
    expect(check.cost).toBeLessThan(784 * 1.05);
  });
});
