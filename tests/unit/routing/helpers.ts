// Small seeded problems for the routing tests.
import { euclideanMatrix } from "@/lib/routing/distance";
import type { Problem, Stop, Vehicle } from "@/lib/routing/types";

export function rand(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** A planar VRPTW: depot at the centre, `n` stops with windows and demands, `v` vehicles of capacity `cap`. */
export function planarProblem(n: number, v: number, cap: number, seed = 1, windows = true): Problem {
  const r = rand(seed);
  const pts = [{ x: 50, y: 50 }];
  const stops: Stop[] = [];
  for (let i = 0; i < n; i++) {
    pts.push({ x: Math.round(r() * 100), y: Math.round(r() * 100) });
    const e = Math.round(r() * 600);
    stops.push({ id: `s${i + 1}`, matrixIndex: i + 1, demand: [1 + Math.floor(r() * 9)], serviceTime: 10, timeWindows: windows ? [[e, e + 150 + Math.round(r() * 200)]] : undefined });
  }
  const vehicles: Vehicle[] = Array.from({ length: v }, (_, i) => ({ id: `v${i + 1}`, depotId: "d", capacity: [cap], shiftStart: 0, shiftEnd: 1200 }));
  return { matrix: euclideanMatrix(pts), depots: [{ id: "d", matrixIndex: 0 }], vehicles, stops };
}
