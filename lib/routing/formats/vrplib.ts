// VRPLIB / CVRPLIB text (sets A and X): NODE_COORD_SECTION, DEMAND_SECTION, DEPOT_SECTION, EUC_2D.
import { euclideanMatrix } from "../distance";
import type { Problem } from "../types";
import type { BenchmarkInstance, BenchmarkNode } from "./benchmark";

export function parseVrplib(text: string, fallbackName = "instance"): BenchmarkInstance {
  const header = new Map<string, string>();
  const coords = new Map<number, [number, number]>();
  const demands = new Map<number, number>();
  const depots: number[] = [];
  let section = "";
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (line === "EOF") break;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (kv) {
      header.set(kv[1], kv[2].trim().replace(/^"|"$/g, ""));
      section = "";
      continue;
    }
    if (/^[A-Z_]+_SECTION$/.test(line)) {
      section = line;
      continue;
    }
    const f = line.split(/\s+/).map(Number);
    if (f.some((x) => Number.isNaN(x))) throw new Error(`VRPLIB: cannot read line "${line}"`);
    if (section === "NODE_COORD_SECTION") coords.set(f[0], [f[1], f[2]]);
    else if (section === "DEMAND_SECTION") demands.set(f[0], f[1]);
    else if (section === "DEPOT_SECTION") {
      if (f[0] !== -1) depots.push(f[0]);
    }
  }
  const type = header.get("EDGE_WEIGHT_TYPE");
  if (type !== "EUC_2D") throw new Error(`VRPLIB: EDGE_WEIGHT_TYPE ${type ?? "(none)"} is not supported (EUC_2D only)`);
  const capacity = Number(header.get("CAPACITY"));
  if (!Number.isFinite(capacity)) throw new Error("VRPLIB: no CAPACITY");
  const dimension = Number(header.get("DIMENSION") ?? coords.size);
  if (coords.size !== dimension) throw new Error(`VRPLIB: DIMENSION ${dimension} but ${coords.size} coordinates`);
  const depotId = depots[0] ?? 1;
  const ids = [...coords.keys()].sort((a, b) => a - b);
  const node = (id: number): BenchmarkNode => {
    const [x, y] = coords.get(id)!;
    return { id, x, y, demand: demands.get(id) ?? 0, ready: 0, due: Infinity, service: 0 };
  };
  const depot = node(depotId);
  const customers = ids.filter((id) => id !== depotId).map(node);
  const points = [depot, ...customers].map((n) => ({ x: n.x, y: n.y }));
  const problem: Problem = {
    matrix: euclideanMatrix(points, { round: true }),
    depots: [{ id: String(depotId), matrixIndex: 0 }],
    vehicles: customers.map((_, i) => ({ id: `v${i + 1}`, depotId: String(depotId), capacity: [capacity] })),
    stops: customers.map((c, i) => ({ id: String(c.id), matrixIndex: i + 1, demand: [c.demand] })),
  };
  return {
    name: header.get("NAME") ?? fallbackName,
    kind: "cvrp",
    problem,
    capacity,
    vehicles: customers.length,
    depot,
    customers,
  };
}
