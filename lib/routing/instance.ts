// The solver's view of a problem: plain numbers in typed arrays. Internal nodes 0..S-1 are the stops being
// planned, S..S+D-1 the depots; the matrix is copied into that order once.
import { costPerDistance, normalizedWindows, vehicleEnd, vehicleStart, type ProblemLookup } from "./evaluate";
import type { UnassignedStop } from "./types";

export interface Instance {
  S: number;
  D: number;
  N: number;
  V: number;
  K: number;
  dist: Float64Array;
  time: Float64Array;
  demand: Float64Array;
  /** Demand scaled by the largest capacity per dimension, summed (the "demand" sort order). */
  demandKey: Float64Array;
  service: Float64Array;
  twOff: Int32Array;
  twCnt: Int32Array;
  twE: Float64Array;
  twL: Float64Array;
  /** 1 when every stop has one window (the fast path). */
  singleWindow: boolean;
  cap: Float64Array;
  vDepot: Int32Array;
  vStart: Float64Array;
  vEnd: Float64Array;
  vFixed: Float64Array;
  vPerDist: Float64Array;
  vMaxDist: Float64Array;
  /** Vehicles of one class are interchangeable (same depot, capacity, shift, costs, limit). */
  vClass: Int32Array;
  /** Vehicle a stop is locked to, or -1. */
  lockVeh: Int32Array;
  /** Order among the positioned locks of its vehicle, or -1 (such stops are never removed). */
  lockRank: Float64Array;
  /** Nearest other stops first (by distance), the stop itself at index 0. */
  adj: Int32Array;
  depotDist: Float64Array;
  /** Public ids. */
  stopIds: string[];
  vehicleIds: string[];
}

export interface Compiled {
  inst: Instance;
  /** Stops reported before solving (infeasible on their own, or naming an unusable vehicle). */
  rejected: UnassignedStop[];
  /** Vehicles kept out of the search because their whole route is locked. */
  lockedVehicleIds: Set<string>;
}

export function compile(lk: ProblemLookup): Compiled {
  const { problem, matrix } = lk;
  const K = lk.dimensions;
  const lockedVehicleIds = new Set<string>();
  const onLockedRoute = new Set<string>();
  for (const r of problem.lockedRoutes ?? []) {
    if (!lk.vehicles.has(r.vehicleId)) continue;
    lockedVehicleIds.add(r.vehicleId);
    for (const id of r.stopIds) onLockedRoute.add(id);
  }
  const vehicles = problem.vehicles.filter((v) => !lockedVehicleIds.has(v.id));
  const V = vehicles.length;
  const vehIndex = new Map(vehicles.map((v, i) => [v.id, i]));
  const depotIds = problem.depots.map((d) => d.id);
  const depotIndex = new Map(depotIds.map((id, i) => [id, i]));

  const rejected: UnassignedStop[] = [];
  const candidates = problem.stops.filter((s) => !onLockedRoute.has(s.id));
  const keep: typeof candidates = [];
  const msize = matrix.size;
  for (const s of candidates) {
    const why = aloneCheck(s, vehicles);
    if (why) rejected.push({ stopId: s.id, ...why });
    else keep.push(s);
  }

  const S = keep.length;
  const D = problem.depots.length;
  const N = S + D;
  const mIdx = new Int32Array(N);
  keep.forEach((s, i) => (mIdx[i] = s.matrixIndex!));
  problem.depots.forEach((d, i) => (mIdx[S + i] = d.matrixIndex!));
  const dist = new Float64Array(N * N);
  const time = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    const row = mIdx[i] * msize;
    for (let j = 0; j < N; j++) {
      dist[i * N + j] = matrix.distance[row + mIdx[j]];
      time[i * N + j] = matrix.duration[row + mIdx[j]];
    }
  }

  const demand = new Float64Array(S * K);
  const demandKey = new Float64Array(S);
  const maxCap = new Float64Array(K);
  for (const v of vehicles) for (let k = 0; k < K; k++) maxCap[k] = Math.max(maxCap[k], v.capacity[k] ?? 0);
  const service = new Float64Array(N);
  const twOff = new Int32Array(S);
  const twCnt = new Int32Array(S);
  const we: number[] = [];
  const wl: number[] = [];
  const lockVeh = new Int32Array(S).fill(-1);
  const lockRank = new Float64Array(S).fill(-1);
  let singleWindow = true;
  keep.forEach((s, i) => {
    for (let k = 0; k < K; k++) {
      demand[i * K + k] = s.demand[k] ?? 0;
      if (maxCap[k] > 0) demandKey[i] += (s.demand[k] ?? 0) / maxCap[k];
    }
    service[i] = s.serviceTime ?? 0;
    const w = normalizedWindows(s);
    twOff[i] = we.length;
    twCnt[i] = w.length;
    if (w.length > 1) singleWindow = false;
    for (const [e, l] of w) {
      we.push(e);
      wl.push(l);
    }
    if (s.lock) {
      lockVeh[i] = vehIndex.get(s.lock.vehicleId)!;
      if (s.lock.position !== undefined) lockRank[i] = s.lock.position;
    }
  });

  const cap = new Float64Array(V * K);
  const vDepot = new Int32Array(V);
  const vStart = new Float64Array(V);
  const vEnd = new Float64Array(V);
  const vFixed = new Float64Array(V);
  const vPerDist = new Float64Array(V);
  const vMaxDist = new Float64Array(V);
  const vClass = new Int32Array(V);
  const classKeys = new Map<string, number>();
  vehicles.forEach((v, i) => {
    const d = lk.depots.get(v.depotId)!;
    for (let k = 0; k < K; k++) cap[i * K + k] = v.capacity[k] ?? 0;
    vDepot[i] = S + depotIndex.get(v.depotId)!;
    vStart[i] = vehicleStart(v, d);
    vEnd[i] = vehicleEnd(v, d);
    vFixed[i] = v.fixedCost ?? 0;
    vPerDist[i] = costPerDistance(v);
    vMaxDist[i] = v.maxDistance ?? Infinity;
    const key = [v.depotId, v.capacity.join(","), vStart[i], vEnd[i], vFixed[i], vPerDist[i], vMaxDist[i]].join("|");
    if (!classKeys.has(key)) classKeys.set(key, classKeys.size);
    vClass[i] = classKeys.get(key)!;
  });

  const adj = new Int32Array(S * S);
  const order = Array.from({ length: S }, (_, j) => j);
  for (let i = 0; i < S; i++) {
    const row = i * N;
    order.sort((a, b) => (a === i ? -1 : b === i ? 1 : dist[row + a] + dist[a * N + i] - dist[row + b] - dist[b * N + i] || a - b));
    for (let j = 0; j < S; j++) adj[i * S + j] = order[j];
  }
  const depotDist = new Float64Array(S);
  for (let i = 0; i < S; i++) {
    let best = Infinity;
    for (let d = 0; d < D; d++) best = Math.min(best, dist[(S + d) * N + i]);
    depotDist[i] = Number.isFinite(best) ? best : 0;
  }

  return {
    inst: {
      S, D, N, V, K, dist, time, demand, demandKey, service, twOff, twCnt,
      twE: Float64Array.from(we), twL: Float64Array.from(wl), singleWindow,
      cap, vDepot, vStart, vEnd, vFixed, vPerDist, vMaxDist, vClass, lockVeh, lockRank, adj, depotDist,
      stopIds: keep.map((s) => s.id),
      vehicleIds: vehicles.map((v) => v.id),
    },
    rejected,
    lockedVehicleIds,
  };

  /** Why a stop cannot be served even alone by any vehicle it may use (null when some vehicle can). */
  function aloneCheck(s: (typeof problem.stops)[number], usable: typeof vehicles): Omit<UnassignedStop, "stopId"> | null {
    let pool = usable;
    if (s.lock) {
      const v = usable.find((x) => x.id === s.lock!.vehicleId);
      if (!v) {
        const why = lockedVehicleIds.has(s.lock.vehicleId) ? "whose route is locked" : "that is not in the plan";
        return { reason: "no_vehicle", detail: `locked to vehicle ${s.lock.vehicleId} ${why}` };
      }
      pool = [v];
    }
    if (pool.length === 0) return { reason: "no_vehicle", detail: "no vehicle available" };
    const windows = normalizedWindows(s);
    let stage = 0;
    for (const v of pool) {
      const d = lk.depots.get(v.depotId)!;
      let fits = true;
      for (let k = 0; k < K; k++) if ((s.demand[k] ?? 0) > (v.capacity[k] ?? 0) + 1e-9) fits = false;
      if (!fits) continue;
      stage = Math.max(stage, 1);
      const a = d.matrixIndex! * msize + s.matrixIndex!;
      const b = s.matrixIndex! * msize + d.matrixIndex!;
      const there = matrix.distance[a];
      const back = matrix.distance[b];
      if (!Number.isFinite(there) || !Number.isFinite(back) || there + back > (v.maxDistance ?? Infinity) + 1e-9) continue;
      stage = Math.max(stage, 2);
      const arrival = vehicleStart(v, d) + matrix.duration[a];
      const w = windows.find(([, l]) => l >= arrival - 1e-9);
      if (!w) continue;
      const home = Math.max(arrival, w[0]) + (s.serviceTime ?? 0) + matrix.duration[b];
      if (home > vehicleEnd(v, d) + 1e-9) continue;
      return null;
    }
    if (stage === 0) return { reason: "capacity", detail: "larger than every vehicle it may use" };
    if (stage === 1) return { reason: "too_far", detail: "beyond the vehicles' maximum distance or unreachable" };
    return { reason: "time_window", detail: "its window cannot be reached within the vehicles' shifts" };
  }
}
