// Route-planning solver against the public benchmark sets (CVRPLIB A and X, Solomon C1/R1/RC1).
//
//   npm run bench:routing -- --instances ../shared/data/cvrplib/A --best-known ../shared/data/cvrplib/best-known.json \
//     --seconds 2 --out bench/results/routing-cvrplib-A-<date>.json [--seed 1] [--only X-n101]
//
// Every instance in the folder (VRPLIB or Solomon, detected from the text) is solved on this one thread with
// the limit measured in the process's CPU time, so another job on the machine does not shorten the search.
// Each plan is re-checked from the file's raw numbers; any violation fails the run (exit code 1).
import { writeFileSync, readFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { solveWithMatrix } from "../lib/routing/solve";
import { withTravelMatrix } from "../lib/routing/prepare";
import { listBenchmarkFiles, loadBenchmarkFile } from "../lib/routing/formats/load-file";
import { checkBenchmarkPlan } from "./lib/routing-check";
import { productProblem } from "./lib/routing-product";
import { table } from "./lib/stats";

const { values } = parseArgs({
  options: {
    instances: { type: "string" },
    "best-known": { type: "string" },
    seconds: { type: "string", default: "2" },
    out: { type: "string" },
    seed: { type: "string", default: "1" },
    only: { type: "string" },
    "no-product": { type: "boolean", default: false },
    /** A fixed cost per used vehicle: with a large one the search minimises vehicles first, then distance. */
    "vehicle-cost": { type: "string", default: "0" },
  },
});
if (!values.instances) {
  console.error("usage: npm run bench:routing -- --instances <folder> [--best-known <file>] [--seconds 2] [--out <file.json>] [--seed 1]");
  process.exit(2);
}
const seconds = Number(values.seconds);
const seed = Number(values.seed);
const vehicleCost = Number(values["vehicle-cost"]);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const bestKnownFile = values["best-known"] ?? path.join(values.instances, "best-known.json");
const bestKnown: Record<string, { bestKnownCost: number; vehiclesInBestKnown?: number }> = JSON.parse(readFileSync(bestKnownFile, "utf8"));

type Row = {
  name: string;
  cost: number;
  bestKnownCost: number | null;
  gapPercent: number | null;
  vehicles: number;
  vehiclesInBestKnown?: number;
  seconds: number;
  wallSeconds: number;
  iterations: number;
  violations: string[];
  routes: number[][];
};
const rows: Row[] = [];
let files = listBenchmarkFiles(values.instances);
if (values.only) files = files.filter((f) => path.basename(f).includes(values.only!));
for (const file of files) {
  const cpu0 = cpuMs();
  const wall0 = performance.now();
  const inst = loadBenchmarkFile(file);
  if (vehicleCost > 0) inst.problem.vehicles.forEach((v) => (v.fixedCost = vehicleCost));
  const solution = solveWithMatrix(inst.problem, { seed, timeLimitMs: seconds * 1000 - (cpuMs() - cpu0), clock: cpuMs });
  const cpu = (cpuMs() - cpu0) / 1000;
  const wall = (performance.now() - wall0) / 1000;
  const routes = solution.routes.map((r) => r.stopIds.map(Number));
  const check = checkBenchmarkPlan(inst, routes);
  for (const u of solution.unassigned) check.violations.push(`customer ${u.stopId} unassigned (${u.reason})`);
  const key = bestKnown[inst.name] ? inst.name : path.basename(file).replace(/\.[^.]+$/, "");
  const bk = bestKnown[key]?.bestKnownCost ?? null;
  const cost = round2(check.cost);
  const row: Row = {
    name: key,
    cost,
    bestKnownCost: bk,
    gapPercent: bk ? round3(((cost - bk) / bk) * 100) : null,
    vehicles: check.vehicles,
    vehiclesInBestKnown: bestKnown[key]?.vehiclesInBestKnown,
    seconds: round3(cpu),
    wallSeconds: round3(wall),
    iterations: solution.stats.iterations,
    violations: check.violations,
    routes,
  };
  rows.push(row);
  const flag = row.violations.length ? `  INFEASIBLE: ${row.violations.slice(0, 3).join("; ")}` : "";
  console.log(`${row.name}: ${cost} (best known ${bk ?? "?"}, gap ${row.gapPercent ?? "?"} %, ${row.vehicles} routes, ${row.seconds} s CPU, ${row.iterations} iterations)${flag}`);
}

const gaps = rows.filter((r) => r.gapPercent !== null).map((r) => r.gapPercent!);
const meanGap = gaps.length ? round3(gaps.reduce((a, b) => a + b, 0) / gaps.length) : null;
const worstGap = gaps.length ? round3(Math.max(...gaps)) : null;
const infeasible = rows.filter((r) => r.violations.length > 0);
console.log("");
console.log(
  table(
    ["instance", "cost", "best known", "gap %", "routes", "CPU s", "wall s", "iterations"],
    rows.map((r) => [r.name, r.cost, r.bestKnownCost ?? "?", r.gapPercent ?? "?", r.vehicles, r.seconds, r.wallSeconds, r.iterations]),
  ),
);

let product: Record<string, unknown> | undefined;
if (!values["no-product"]) {
  const cpu0 = cpuMs();
  const wall0 = performance.now();
  const problem = await withTravelMatrix(productProblem(200));
  const matrixMs = cpuMs() - cpu0;
  const sol = solveWithMatrix(problem, { seed, timeLimitMs: 1000, clock: cpuMs });
  const infeasibleRoutes = sol.routes.filter((r) => !r.feasible).length;
  product = {
    stops: 200,
    vehicles: problem.vehicles.length,
    dimensions: 3,
    matrixCpuMs: round3(matrixMs),
    totalCpuSeconds: round3((cpuMs() - cpu0) / 1000),
    totalWallSeconds: round3((performance.now() - wall0) / 1000),
    cost: round2(sol.cost),
    km: round2(sol.distance / 1000),
    vehiclesUsed: sol.vehiclesUsed,
    unassigned: sol.unassigned.length,
    infeasibleRoutes,
    iterations: sol.stats.iterations,
  };
  console.log(
    `\nproduct: 200 stops (lat/lng, windows, kg/m³/crates, 12 vehicles): haversine matrix ${product.matrixCpuMs} ms + solve (1 s limit) = ` +
      `${product.totalCpuSeconds} s CPU / ${product.totalWallSeconds} s wall; ${sol.vehiclesUsed} vehicles, ${product.km} km, cost ${product.cost}, ` +
      `${sol.unassigned.length} unassigned, ${infeasibleRoutes} infeasible routes`,
  );
  if (infeasibleRoutes > 0) infeasible.push({ name: "product" } as Row);
}

console.log(
  `\nsummary: ${rows.length} instances, mean gap ${meanGap} %, worst gap ${worstGap} %, ` +
    `mean CPU ${round3(rows.reduce((a, r) => a + r.seconds, 0) / Math.max(1, rows.length))} s, ${infeasible.length} infeasible`,
);

if (values.out) {
  const out = {
    instances: path.relative(process.cwd(), path.resolve(values.instances)),
    bestKnown: path.relative(process.cwd(), path.resolve(bestKnownFile)),
    secondsLimit: seconds,
    limitClock: "process CPU time (process.cpuUsage), one thread",
    seed,
    vehicleCost,
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, platform: `${os.platform()} ${os.release()}`, memoryGb: round2(os.totalmem() / 2 ** 30) },
    node: process.version,
    meanGapPercent: meanGap,
    worstGapPercent: worstGap,
    infeasible: infeasible.length,
    product,
    results: rows.map(({ name, cost, bestKnownCost, gapPercent, vehicles, vehiclesInBestKnown, seconds, wallSeconds, iterations, violations, routes }) => ({
      name, cost, bestKnownCost, gapPercent, vehicles, vehiclesInBestKnown, seconds, wallSeconds, iterations, violations, routes,
    })),
  };
  mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
  writeFileSync(values.out, JSON.stringify(out, null, 1) + "\n");
  console.log(`wrote ${values.out}`);
}
if (infeasible.length > 0) {
  console.error(`${infeasible.length} infeasible plan(s)`);
  process.exit(1);
}

function round2(x: number) {
  return Math.round(x * 100) / 100;
}
function round3(x: number) {
  return Math.round(x * 1000) / 1000;
}
