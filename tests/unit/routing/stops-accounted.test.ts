// Every stop of a problem comes back exactly once: on a route or in the unplaced list with its reason,
// also when a positioned lock points at a vehicle the plan fills up (a stop once went missing there).
import { expect, it } from "vitest";
import { withTravelMatrix } from "@/lib/routing/prepare";
import { solveWithMatrix } from "@/lib/routing/solve";

it("a locked stop on a full vehicle is placed or reported, never lost", async () => {
  const pts = [[20.012, 73.77], [20.024, 73.801], [19.981, 73.756], [19.965, 73.815], [20.005, 73.84], [19.99, 73.73], [20.04, 73.78], [19.95, 73.78]];
  const problem = await withTravelMatrix({
    depots: [{ id: "d", location: { lat: 19.9975, lng: 73.7898 }, open: 8 * 3600, close: 20 * 3600 }],
    vehicles: [0, 1].map((i) => ({ id: `v${i}`, depotId: "d", capacity: [400, 6, 1e15], shiftStart: 8 * 3600, shiftEnd: 20 * 3600, costPerKm: 18, fixedCost: 600 })),
    stops: pts.map(([lat, lng], i) => ({ id: `s${i}`, location: { lat, lng }, demand: [120, 0.8, 0], serviceTime: 600, lock: i === 4 ? { vehicleId: "v0", position: 1 } : undefined })),
  });
  for (const seed of [1, 7, 42]) {
    const sol = solveWithMatrix(problem, { seed, iterations: 3000 });
    const seen = [...sol.routes.flatMap((r) => r.stopIds), ...sol.unassigned.map((u) => u.stopId)].sort();
    expect(seen).toEqual(pts.map((_, i) => `s${i}`).sort());
    expect(sol.routes.find((r) => r.stopIds.includes("s4"))?.vehicleId ?? sol.unassigned.find((u) => u.stopId === "s4")?.reason).toBeDefined();
    if (sol.routes.some((r) => r.stopIds.includes("s4"))) expect(sol.routes.find((r) => r.stopIds.includes("s4"))!.vehicleId).toBe("v0");
  }
});
