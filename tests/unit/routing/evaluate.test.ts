import { describe, expect, it } from "vitest";
import { matrixFromRows } from "@/lib/routing/distance";
import { evaluateRoute } from "@/lib/routing/evaluate";
import { moveStop } from "@/lib/routing/move-stop";
import type { Problem } from "@/lib/routing/types";

// Depot 0, stops A (1) and B (2). Distances in metres, durations in seconds.
const problem: Problem = {
  matrix: matrixFromRows(
    [
      [0, 3000, 5000],
      [3000, 0, 4000],
      [5000, 4000, 0],
    ],
    [
      [0, 600, 900],
      [600, 0, 700],
      [900, 700, 0],
    ],
  ),
  depots: [{ id: "wh", matrixIndex: 0, open: 28_800, close: 36_000 }],
  vehicles: [{ id: "van", depotId: "wh", capacity: [100, 2], shiftStart: 28_800, shiftEnd: 34_000, fixedCost: 500, costPerKm: 12 }],
  stops: [
    { id: "A", matrixIndex: 1, demand: [40, 1], timeWindows: [[30_000, 31_000]], serviceTime: 300 },
    { id: "B", matrixIndex: 2, demand: [50, 0.5], timeWindows: [[29_000, 31_500]], serviceTime: 600 },
  ],
};

describe("evaluateRoute", () => {
  it("computes ETAs, waiting, load, distance and cost by hand", () => {
    const ev = evaluateRoute(problem, "van", ["A", "B"]);
    // Leave 8:00 (28 800) + 600 s drive = 29 400, A opens at 30 000: the van leaves 600 s later instead of waiting.
    expect(ev.departure).toBe(29_400);
    expect(ev.stops[0]).toMatchObject({ stopId: "A", arrival: 30_000, start: 30_000, departure: 30_300, waiting: 0, late: 0, loadAfter: [50, 0.5] });
    // A → B 700 s: 31 000, inside B's window.
    expect(ev.stops[1]).toMatchObject({ stopId: "B", arrival: 31_000, start: 31_000, departure: 31_600, waiting: 0, loadAfter: [0, 0] });
    expect(ev.returnTime).toBe(31_600 + 900);
    expect(ev.distance).toBe(3000 + 4000 + 5000);
    expect(ev.duration).toBe(32_500 - 29_400);
    expect(ev.load).toEqual([90, 1.5]);
    expect(ev.cost).toBeCloseTo(500 + 12 * 12, 9);
    expect(ev.feasible).toBe(true);
  });

  it("updates ETAs after a manual move and reports lateness and overload", () => {
    // B first: 28 800 + 900 = 29 700 (no wait), service to 30 300, + 700 = 31 000 at A: exactly its latest start.
    const swapped = evaluateRoute(problem, "van", ["B", "A"]);
    expect(swapped.stops.map((s) => s.start)).toEqual([29_700, 31_000]);
    expect(swapped.feasible).toBe(true);

    const heavy: Problem = { ...problem, stops: problem.stops.map((s) => (s.id === "B" ? { ...s, demand: [70, 0.5], serviceTime: 1200 } : s)) };
    const ev = evaluateRoute(heavy, "van", ["B", "A"]);
    // 29 700 + 1200 + 700 = 31 600 at A, 600 s past its window.
    expect(ev.stops[1].late).toBe(600);
    expect(ev.violations).toEqual(
      expect.arrayContaining([
        { kind: "capacity", amount: 10, dimension: 0 },
        { kind: "late", stopId: "A", amount: 600 },
      ]),
    );
    expect(ev.feasible).toBe(false);
  });

  it("reports a return after the shift and an unknown stop", () => {
    const late: Problem = { ...problem, vehicles: [{ ...problem.vehicles[0], shiftEnd: 32_000 }] };
    const ev = evaluateRoute(late, "van", ["A", "B", "nope"]);
    expect(ev.violations).toEqual(expect.arrayContaining([{ kind: "shift_end", amount: 500 }, { kind: "unknown_stop", stopId: "nope", amount: 0 }]));
    expect(ev.stopIds).toEqual(["A", "B"]);
  });

  it("uses the second window when the first is missed", () => {
    const two: Problem = { ...problem, stops: [{ ...problem.stops[0], timeWindows: [[28_000, 29_000], [33_000, 33_500]] }, problem.stops[1]] };
    const ev = evaluateRoute(two, "van", ["A"]);
    expect(ev.stops[0].start).toBe(33_000);
    expect(ev.departure).toBe(33_000 - 600);
    expect(ev.returnTime).toBe(33_000 + 300 + 600);
    expect(ev.feasible).toBe(true);
  });
});

describe("moveStop", () => {
  it("moves a stop to another vehicle and re-evaluates both routes", () => {
    const two: Problem = { ...problem, vehicles: [...problem.vehicles, { ...problem.vehicles[0], id: "truck" }] };
    const res = moveStop(two, [{ vehicleId: "van", stopIds: ["A", "B"] }], "B", "truck", 0);
    expect(res.routes).toEqual([
      { vehicleId: "van", stopIds: ["A"] },
      { vehicleId: "truck", stopIds: ["B"] },
    ]);
    expect(res.changed.map((r) => r.vehicleId)).toEqual(["van", "truck"]);
    expect(res.changed[1].stops[0]).toMatchObject({ stopId: "B", arrival: 29_700, start: 29_700 });
    expect(res.changed[0].returnTime).toBe(30_300 + 600);
  });

  it("moves within a route and shows the lateness it causes", () => {
    const slow: Problem = { ...problem, stops: problem.stops.map((s) => (s.id === "B" ? { ...s, serviceTime: 1200 } : s)) };
    const res = moveStop(slow, [{ vehicleId: "van", stopIds: ["A", "B"] }], "A", "van", 5);
    expect(res.routes).toEqual([{ vehicleId: "van", stopIds: ["B", "A"] }]);
    expect(res.changed).toHaveLength(1);
    expect(res.changed[0].violations).toEqual([{ kind: "late", stopId: "A", amount: 600 }]);
  });
});
