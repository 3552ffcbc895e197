// "Plan the day" end to end on real records: 200 ready shipments for 200 shops around Pune (positions,
// receiving windows, weights), 12 vehicles of three sizes, one depot; planDay builds the haversine
// matrix, solves and writes the draft trips with their stops and shipments. Target: 200 stops planned
// in ≤ 2 s end to end. Runs RUNS plans (re-planning the same day, which first frees the drafts) and
// reports each phase from the planner's own figures plus the wall time of the call.
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/erp_bench_plan npx tsx --conditions=react-server bench/plan-day.ts
// Env: STOPS (200), VEHICLES (12), RUNS (5).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describeUrl, openBenchDb } from "./lib/db";
import { machineInfo, summarize, table, writeResults } from "./lib/stats";

const STOPS = Number(process.env.STOPS ?? 200);
const VEHICLES = Number(process.env.VEHICLES ?? 12);
const RUNS = Number(process.env.RUNS ?? 5);
const TARGET_MS = 2000;

async function main() {
  const db = await openBenchDb();
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  process.env.LOG_LEVEL ??= "warn";
  console.log(`bench db: ${describeUrl(db.url)}${db.embedded ? " (embedded)" : ""}`);
  const { prisma, disconnect } = await import("../lib/db/client");
  const { tenant } = await import("../tests/support/factories");
  const { planDay } = await import("../lib/logistics/planning/plan-day");
  const { istDay } = await import("../lib/pricing/dates");
  const { seededRandom } = await import("../lib/demo/seeded-random");

  // One company, its depot at Chakan, STOPS retailers with a READY shipment each (rows written directly:
  // the bench measures planning, not order entry).
  const t = await tenant();
  const co = t.company.id;
  const wh = await prisma.warehouse.create({ data: { companyId: co, code: "CHK", name: "Chakan Plant", stateCode: "27", pincode: "410501", isDefault: true, latitude: "18.760612", longitude: "73.836410" } });
  const rand = seededRandom(42);
  const windows: [number, number][] = [[540, 780], [600, 840], [540, 1140], [660, 1020], [900, 1140], [600, 1200]];
  for (let i = 0; i < STOPS; i++) {
    const id = randomUUID().slice(0, 8);
    const [from, to] = windows[i % windows.length];
    const r = await prisma.retailer.create({ data: { legalName: `Bench Kirana ${id}`, stateCode: "27", addressLine1: `Shop ${i + 1}`, city: "Pune", pincode: "411001", latitude: (18.45 + rand() * 0.25).toFixed(6), longitude: (73.72 + rand() * 0.3).toFixed(6), receivingFromMin: from, receivingToMin: to } });
    const c = await prisma.connection.create({ data: { companyId: co, retailerId: r.id, status: "ACTIVE", placeOfSupply: "27" } });
    const kg = 20 + Math.round(rand() * 70);
    await prisma.shipment.create({ data: { companyId: co, number: `SHP/26-27/${String(i + 1).padStart(6, "0")}`, warehouseId: wh.id, connectionId: c.id, retailerId: r.id, shipToName: r.legalName, shipToLine1: r.addressLine1, shipToCity: "Pune", shipToStateCode: "27", shipToPincode: "411001", weightKg: String(kg), volumeM3: (kg / 180).toFixed(3), declaredValue: "12000" } });
  }
  const sizes = [["1500", "12", "1200", "28"], ["1000", "8", "900", "22"], ["750", "6", "700", "18"]];
  const vehicleIds: string[] = [];
  for (let i = 0; i < VEHICLES; i++) {
    const [kg, m3, trip, km] = sizes[i % sizes.length];
    vehicleIds.push((await prisma.vehicle.create({ data: { companyId: co, registrationNo: `MH14BN${String(1000 + i)}`, type: "LCV", capacityKg: kg, capacityM3: m3, costPerTrip: trip, costPerKm: km } })).id);
  }
  const day = istDay(new Date());
  const samples: number[] = [];
  const rows: (string | number)[][] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const plan = await planDay(t.ctx, { tripDate: day, depotWarehouseId: wh.id, vehicleIds, shiftStart: "08:00", shiftEnd: "20:00", seed: run + 1 });
    const ms = performance.now() - t0;
    samples.push(ms);
    const s = plan.lastRun!.stats;
    const placed = plan.trips.reduce((n, x) => n + x.stops.length, 0);
    rows.push([run + 1, placed, plan.lastRun!.unplaced.length, s.trips, s.distanceKm, s.loadMs, s.solveMs, s.writeMs, Math.round(ms - s.totalMs), Math.round(ms)]);
  }
  console.log(table(["run", "stops placed", "not placed", "trips", "km", "load ms", "solve ms", "write ms", "commit+view ms", "total ms"], rows));
  const sum = summarize(samples);
  const verdict = sum.max <= TARGET_MS ? "meets" : "misses";
  console.log(`\n${STOPS} stops, ${VEHICLES} vehicles: end to end p50 ${Math.round(sum.p50)} ms, max ${Math.round(sum.max)} ms — ${verdict} the ${TARGET_MS} ms target`);
  writeResults("plan-day", { stops: STOPS, vehicles: VEHICLES, runs: rows.map((r) => ({ run: r[0], placed: r[1], notPlaced: r[2], trips: r[3], km: r[4], loadMs: r[5], solveMs: r[6], writeMs: r[7], commitAndViewMs: r[8], totalMs: r[9] })), endToEndMs: sum, targetMs: TARGET_MS, verdict, machine: await machineInfo((sql) => admin.query(sql)) });
  await admin.end();
  await disconnect();
  await db.stop();
  void prisma;
}

void main();
