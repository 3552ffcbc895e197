// Solomon's VRPTW text format: name, VEHICLE (number, capacity), CUSTOMER rows of
// number, x, y, demand, ready time, due date, service time; customer 0 is the depot.
import { euclideanMatrix } from "../distance";
import type { Problem } from "../types";
import type { BenchmarkInstance, BenchmarkNode } from "./benchmark";

export function parseSolomon(text: string, fallbackName = "instance"): BenchmarkInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l.length > 0) ?? fallbackName;
  const vIdx = lines.findIndex((l) => /^VEHICLE$/i.test(l));
  const cIdx = lines.findIndex((l) => /^CUSTOMER$/i.test(l));
  if (vIdx < 0 || cIdx < 0) throw new Error("Solomon: no VEHICLE or CUSTOMER section");
  let vehicles = NaN;
  let capacity = NaN;
  for (let i = vIdx + 1; i < cIdx; i++) {
    const f = lines[i].split(/\s+/).map(Number);
    if (f.length >= 2 && f.every((x) => Number.isFinite(x))) {
      vehicles = f[0];
      capacity = f[1];
      break;
    }
  }
  if (!Number.isFinite(vehicles) || !Number.isFinite(capacity)) throw new Error("Solomon: no vehicle number and capacity");
  const nodes: BenchmarkNode[] = [];
  for (let i = cIdx + 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const f = lines[i].split(/\s+/).map(Number);
    if (f.length < 7 || f.some((x) => Number.isNaN(x))) continue; // the column headings
    nodes.push({ id: f[0], x: f[1], y: f[2], demand: f[3], ready: f[4], due: f[5], service: f[6] });
  }
  const depot = nodes.find((n) => n.id === 0);
  if (!depot) throw new Error("Solomon: no depot (customer 0)");
  const customers = nodes.filter((n) => n !== depot);
  const points = [depot, ...customers].map((n) => ({ x: n.x, y: n.y }));
  const problem: Problem = {
    matrix: euclideanMatrix(points, { round: false }),
    depots: [{ id: "0", matrixIndex: 0, open: depot.ready, close: depot.due }],
    vehicles: Array.from({ length: vehicles }, (_, i) => ({ id: `v${i + 1}`, depotId: "0", capacity: [capacity] })),
    stops: customers.map((c, i) => ({
      id: String(c.id),
      matrixIndex: i + 1,
      demand: [c.demand],
      timeWindows: [[c.ready, c.due]],
      serviceTime: c.service,
    })),
  };
  return { name, kind: "vrptw", problem, capacity, vehicles, depot, customers };
}
