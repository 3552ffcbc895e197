// The built-in search: slack induction by string removals (Christiaens & Vanden Berghe, 2020) — adjacent
// string removal, greedy insertion with blinks, simulated annealing acceptance — on routes kept with their
// forward earliest and backward latest service starts, so an insertion is checked in constant time.
import type { Instance } from "./instance";
import { Rng } from "./rng";

export interface SearchOptions {
  seed: number;
  iterations: number;
  timeLimitMs: number;
  clock: () => number;
  /** Average number of removed stops per ruin (c̄). */
  avgRemoved?: number;
  /** Longest removed string (L^max). */
  maxString?: number;
  blinkRate?: number;
  /** Start and final temperature, as fractions of the initial plan's average edge cost. */
  startTemperature?: number;
  finalTemperature?: number;
  /** Let capacity be exceeded at a penalty during the search (default true). */
  softCapacity?: boolean;
}

export interface SearchResult {
  /** Internal stop indices per vehicle, in order. */
  routes: number[][];
  unassigned: number[];
  iterations: number;
  bestIteration: number;
  initialCost: number;
  elapsedMs: number;
}

/** One plan: every vehicle's route with cached times, load and cost. */
class Plan {
  readonly len: Int32Array;
  readonly nodes: Int32Array;
  readonly E: Float64Array;
  readonly L: Float64Array;
  readonly load: Float64Array;
  readonly rdist: Float64Array;
  readonly rcost: Float64Array;
  /** Load over capacity, summed over dimensions as fractions of the largest capacity (0 when feasible). */
  readonly rexcess: Float64Array;
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  total = 0;
  missing = 0;
  excess = 0;

  constructor(V: number, S: number, K: number, readonly M: number) {
    this.len = new Int32Array(V);
    this.nodes = new Int32Array(V * M);
    this.E = new Float64Array(V * M);
    this.L = new Float64Array(V * M);
    this.load = new Float64Array(V * K);
    this.rdist = new Float64Array(V);
    this.rcost = new Float64Array(V);
    this.rexcess = new Float64Array(V);
    this.routeOf = new Int32Array(S).fill(-1);
    this.posOf = new Int32Array(S);
  }

  copyRouteFrom(o: Plan, r: number, K: number) {
    const base = r * this.M;
    const n = o.len[r] + 2;
    this.len[r] = o.len[r];
    this.nodes.set(o.nodes.subarray(base, base + n), base);
    this.E.set(o.E.subarray(base, base + n), base);
    this.L.set(o.L.subarray(base, base + n), base);
    for (let k = 0; k < K; k++) this.load[r * K + k] = o.load[r * K + k];
    this.rdist[r] = o.rdist[r];
    this.rcost[r] = o.rcost[r];
    this.rexcess[r] = o.rexcess[r];
  }

  copyStateFrom(o: Plan) {
    this.routeOf.set(o.routeOf);
    this.posOf.set(o.posOf);
    this.total = o.total;
    this.missing = o.missing;
    this.excess = o.excess;
  }
}

export class Sisr {
  private readonly inst: Instance;
  private readonly rng: Rng;
  private readonly M: number;
  private readonly penalty: number;
  private readonly work: Plan;
  private readonly cur: Plan;
  private readonly best: Plan;
  private readonly touched: Int32Array;
  private nTouched = 0;
  private readonly touchedMark: Int32Array;
  private readonly ruinedMark: Int32Array;
  private readonly classMark: Int32Array;
  private stamp = 0;
  private insStamp = 0;
  private readonly pending: Int32Array;
  private nPending = 0;
  private readonly sortKey: Float64Array;
  private readonly blinkRate: number;
  private readonly hasFixedCost: boolean;
  private blinkIn = 0;
  private bestCost = Infinity;
  private bestR = -1;
  private bestPos = -1;
  private readonly cand: Int32Array;
  private readonly routeMark: Int32Array;
  private readonly granularity: number;
  /** Cost per unit of excess load (a full vehicle's capacity); Infinity while capacity is a hard limit. */
  private lambda = Infinity;
  private readonly invCap: Float64Array;

  constructor(inst: Instance, seed: number, blinkRate = 0.01, granularity = 40) {
    this.inst = inst;
    this.rng = new Rng(seed);
    this.blinkRate = blinkRate;
    const { V, S, K } = inst;
    this.M = S + 2;
    this.work = new Plan(V, S, K, this.M);
    this.cur = new Plan(V, S, K, this.M);
    this.best = new Plan(V, S, K, this.M);
    this.touched = new Int32Array(V);
    this.touchedMark = new Int32Array(V);
    this.ruinedMark = new Int32Array(V);
    this.classMark = new Int32Array(Math.max(1, V));
    this.pending = new Int32Array(S);
    this.sortKey = new Float64Array(S);
    this.cand = new Int32Array(V);
    this.routeMark = new Int32Array(V);
    this.granularity = granularity;
    this.blinkIn = this.nextBlinkGap();
    this.invCap = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      let mx = 0;
      for (let v = 0; v < V; v++) mx = Math.max(mx, inst.cap[v * K + k]);
      this.invCap[k] = mx > 0 ? 1 / mx : 1;
    }
    let maxD = 0;
    for (let i = 0; i < inst.dist.length; i++) if (Number.isFinite(inst.dist[i]) && inst.dist[i] > maxD) maxD = inst.dist[i];
    let maxFixed = 0;
    let maxPer = 0;
    for (let v = 0; v < V; v++) {
      maxFixed = Math.max(maxFixed, inst.vFixed[v]);
      maxPer = Math.max(maxPer, inst.vPerDist[v]);
    }
    this.penalty = 10 * (maxFixed + maxPer * 2 * maxD) + 1;
    this.hasFixedCost = maxFixed > 0;
  }

  run(o: SearchOptions): SearchResult {
    const inst = this.inst;
    const t0 = o.clock();
    const work = this.work;
    for (let r = 0; r < inst.V; r++) this.recompute(work, r);
    work.total = 0;
    work.missing = inst.S;
    work.total = this.penalty * inst.S;
    this.construct();
    this.cur.copyStateFrom(work);
    this.best.copyStateFrom(work);
    for (let r = 0; r < inst.V; r++) {
      this.cur.copyRouteFrom(work, r, inst.K);
      this.best.copyRouteFrom(work, r, inst.K);
    }
    this.refreshTotal(this.best);
    const initialCost = this.best.total;

    let edges = inst.S;
    for (let r = 0; r < inst.V; r++) if (work.len[r] > 0) edges++;
    const avgEdge = Math.max(1e-9, (work.total - work.missing * this.penalty) / Math.max(1, edges));
    const T0 = (o.startTemperature ?? 0.4) * avgEdge;
    const Tf = (o.finalTemperature ?? 0.01) * avgEdge;
    const cBar = o.avgRemoved ?? 10;
    // Capacity becomes a penalised soft limit once a complete plan exists, so tightly packed vehicles can
    // trade stops through slightly overloaded states; only capacity-feasible plans become the best plan.
    const soft = (o.softCapacity ?? true) && work.missing === 0;
    if (soft) this.lambda = 15 * avgEdge;
    let feasibleSeen = 0;
    const Lmax = o.maxString ?? 10;

    let it = 0;
    let bestIt = 0;
    const limited = o.timeLimitMs > 0 && Number.isFinite(o.timeLimitMs);
    let elapsed = 0;
    let T = T0;
    if (inst.S > 0 && inst.V > 0) {
      for (; it < o.iterations; it++) {
        if (limited && (it & 127) === 0) {
          elapsed = o.clock() - t0;
          if (elapsed >= o.timeLimitMs) break;
        }
        if ((it & 7) === 0) {
          let p = it / o.iterations;
          if (limited) p = Math.max(p, elapsed / o.timeLimitMs);
          T = T0 * Math.pow(Tf / T0, p);
        }
        this.nTouched = 0;
        this.stamp++;
        this.ruin(cBar, Lmax);
        this.recreate();
        const cur = this.cur;
        const feasible = work.excess <= 1e-7;
        if (soft) {
          if (feasible) feasibleSeen++;
          if ((it + 1) % 100 === 0) {
            if (feasibleSeen < 40) this.lambda *= 1.3;
            else if (feasibleSeen > 60) this.lambda /= 1.3;
            feasibleSeen = 0;
          }
        }
        const lam = soft ? this.lambda : 0;
        if (work.total + lam * work.excess < cur.total + lam * cur.excess - T * Math.log(this.rng.next() + 1e-300)) {
          for (let i = 0; i < this.nTouched; i++) cur.copyRouteFrom(work, this.touched[i], inst.K);
          cur.copyStateFrom(work);
          if (feasible) this.refreshTotal(cur);
          if (feasible && cur.excess === 0 && cur.total < this.best.total - 1e-7) {
            for (let r = 0; r < inst.V; r++) this.best.copyRouteFrom(cur, r, inst.K);
            this.best.copyStateFrom(cur);
            this.refreshTotal(this.best);
            this.refreshTotal(cur);
            work.total = cur.total;
            bestIt = it + 1;
          }
        } else {
          for (let i = 0; i < this.nTouched; i++) work.copyRouteFrom(cur, this.touched[i], inst.K);
          work.copyStateFrom(cur);
        }
      }
    }
    const b = this.best;
    const routes: number[][] = [];
    for (let r = 0; r < inst.V; r++) {
      const route: number[] = [];
      for (let i = 1; i <= b.len[r]; i++) route.push(b.nodes[r * this.M + i]);
      routes.push(route);
    }
    const unassigned: number[] = [];
    for (let c = 0; c < inst.S; c++) if (b.routeOf[c] < 0) unassigned.push(c);
    return { routes, unassigned, iterations: it, bestIteration: bestIt, initialCost, elapsedMs: o.clock() - t0 };
  }

  private refreshTotal(p: Plan) {
    let t = 0;
    let e = 0;
    for (let r = 0; r < this.inst.V; r++) {
      t += p.rcost[r];
      e += p.rexcess[r];
    }
    p.total = t + p.missing * this.penalty;
    p.excess = e;
  }

  /** Positioned locks first, in their order, then every other stop by greedy insertion. */
  private construct() {
    const inst = this.inst;
    const w = this.work;
    const ranked: number[] = [];
    for (let c = 0; c < inst.S; c++) if (inst.lockRank[c] >= 0) ranked.push(c);
    ranked.sort((a, b) => inst.lockRank[a] - inst.lockRank[b] || a - b);
    for (const c of ranked) {
      const r = inst.lockVeh[c];
      const m = w.len[r];
      if (this.insertionCost(w, c, r, m) < Infinity) this.insertAt(w, c, r, m + 1);
    }
    this.recreate();
  }

  private touch(r: number) {
    if (this.touchedMark[r] !== this.stamp) {
      this.touchedMark[r] = this.stamp;
      this.touched[this.nTouched++] = r;
    }
  }

  private ruin(cBar: number, Lmax: number) {
    const inst = this.inst;
    const w = this.work;
    const S = inst.S;
    let used = 0;
    let assigned = 0;
    for (let r = 0; r < inst.V; r++) {
      if (w.len[r] > 0) {
        used++;
        assigned += w.len[r];
      }
    }
    if (used === 0) return;
    if (this.hasFixedCost && used > 1 && this.rng.next() < 0.1) {
      // Route removal: empty the smaller of two random used routes, so a vehicle whose fixed cost is not
      // worth its stops can be sent home (string removals alone rarely empty a whole route).
      let pick = -1;
      for (let t = 0; t < 2; t++) {
        let k = this.rng.int(used);
        for (let r = 0; r < inst.V; r++) {
          if (w.len[r] === 0) continue;
          if (k-- === 0) {
            if (pick < 0 || w.len[r] < w.len[pick]) pick = r;
            break;
          }
        }
      }
      this.removeSpan(w, pick, 1, w.len[pick], -1, 0);
      return;
    }
    const lsMax = Math.min(Lmax, assigned / used);
    const ksMax = (4 * cBar) / (1 + lsMax) - 1;
    const ks = Math.floor(this.rng.next() * ksMax) + 1;
    const seed = this.rng.int(S);
    let ruined = 0;
    const adj = inst.adj;
    for (let j = 0; j < S && ruined < ks; j++) {
      const c = adj[seed * S + j];
      const r = w.routeOf[c];
      if (r < 0 || this.ruinedMark[r] === this.stamp) continue;
      this.ruinedMark[r] = this.stamp;
      ruined++;
      const m = w.len[r];
      const lMax = Math.min(m, lsMax);
      const l = Math.floor(this.rng.next() * lMax) + 1;
      const pos = w.posOf[c];
      if (l < m && this.rng.next() < 0.5) {
        // Split string: remove l stops out of a string of l + kept, keeping a middle part.
        let kept = 1;
        while (l + kept < m && this.rng.next() > 0.5) kept++;
        const span = l + kept;
        const start = clampStart(pos - this.rng.int(span), span, m);
        const keepFrom = start + this.rng.int(l + 1);
        this.removeSpan(w, r, start, span, keepFrom, kept);
      } else {
        const start = clampStart(pos - this.rng.int(l), l, m);
        this.removeSpan(w, r, start, l, -1, 0);
      }
    }
  }

  /** Removes positions [start, start+span) of route r except [keepFrom, keepFrom+kept) and positioned locks. */
  private removeSpan(w: Plan, r: number, start: number, span: number, keepFrom: number, kept: number) {
    const inst = this.inst;
    const base = r * this.M;
    const m = w.len[r];
    let out = start;
    for (let i = start; i <= m; i++) {
      const c = w.nodes[base + i];
      const inSpan = i < start + span;
      const keep = !inSpan || (i >= keepFrom && i < keepFrom + kept) || inst.lockRank[c] >= 0;
      if (keep) w.nodes[base + out++] = c;
      else {
        w.routeOf[c] = -1;
        w.missing++;
        w.total += this.penalty;
      }
    }
    w.len[r] = out - 1;
    this.touch(r);
    this.recompute(w, r);
  }

  private recreate() {
    const inst = this.inst;
    const w = this.work;
    const S = inst.S;
    let n = 0;
    for (let c = 0; c < S; c++) if (w.routeOf[c] < 0) this.pending[n++] = c;
    this.nPending = n;
    if (n === 0) return;
    const pick = this.rng.next() * 11;
    const key = this.sortKey;
    for (let i = 0; i < n; i++) {
      const c = this.pending[i];
      if (pick < 4) key[c] = this.rng.next();
      else if (pick < 8) key[c] = -inst.demandKey[c];
      else if (pick < 10) key[c] = -inst.depotDist[c];
      else key[c] = inst.depotDist[c];
    }
    const p = this.pending;
    for (let i = 1; i < n; i++) {
      const c = p[i];
      let j = i - 1;
      while (j >= 0 && key[p[j]] > key[c]) {
        p[j + 1] = p[j];
        j--;
      }
      p[j + 1] = c;
    }
    const V = inst.V;
    for (let i = 0; i < n; i++) {
      const c = p[i];
      const lv = inst.lockVeh[c];
      let nc = 0;
      const cand = this.cand;
      if (lv >= 0) cand[nc++] = lv;
      else {
        // Granular: only routes that serve one of c's nearest stops, plus one empty vehicle of each class.
        const mark = ++this.insStamp;
        const g = this.granularity < S ? this.granularity : S - 1;
        for (let j = 1; j <= g; j++) {
          const r = w.routeOf[inst.adj[c * S + j]];
          if (r >= 0 && this.routeMark[r] !== mark) {
            this.routeMark[r] = mark;
            cand[nc++] = r;
          }
        }
        for (let r = 0; r < V; r++) {
          if (w.len[r] !== 0) continue;
          const cls = inst.vClass[r];
          if (this.classMark[cls] === mark) continue;
          this.classMark[cls] = mark;
          cand[nc++] = r;
        }
      }
      this.bestCost = Infinity;
      this.bestR = -1;
      this.scan(w, c, nc);
      if (this.bestR < 0 && lv < 0) {
        // Nothing near fits: try every other used route.
        nc = 0;
        for (let r = 0; r < V; r++) if (w.len[r] > 0 && this.routeMark[r] !== this.insStamp) cand[nc++] = r;
        this.scan(w, c, nc);
      }
      if (this.bestR >= 0) this.insertAt(w, c, this.bestR, this.bestPos);
    }
  }

  /** The cheapest feasible position for c in the first nc candidate routes, kept in bestCost/bestR/bestPos. */
  private scan(w: Plan, c: number, nc: number) {
    const inst = this.inst;
    const { N, dist, time, service } = inst;
    const sc = service[c];
    for (let ci = 0; ci < nc; ci++) {
      const r = this.cand[ci];
      const m = w.len[r];
      const capCost = this.capacityCost(w, c, r);
      if (capCost >= this.bestCost) continue;
      const base = r * this.M;
      const per = inst.vPerDist[r];
      const fixed = (m === 0 ? inst.vFixed[r] : 0) + capCost;
      const maxExtra = inst.vMaxDist[r] - w.rdist[r];
      for (let i = 0; i <= m; i++) {
        if (--this.blinkIn <= 0) {
          // A blink: this position is skipped; the gap to the next one is geometric, one draw per blink.
          this.blinkIn = this.nextBlinkGap();
          continue;
        }
        const a = w.nodes[base + i];
        const b = w.nodes[base + i + 1];
        const dd = dist[a * N + c] + dist[c * N + b] - dist[a * N + b];
        const cost = fixed + per * dd;
        if (cost >= this.bestCost || dd > maxExtra) continue;
        const st = this.earliestStart(c, w.E[base + i] + service[a] + time[a * N + c]);
        if (st === Infinity) {
          // Too late for c here, and (triangle inequality) at every later position of this route.
          if (inst.singleWindow) break;
          continue;
        }
        if (st + sc + time[c * N + b] > w.L[base + i + 1]) continue;
        this.bestCost = cost;
        this.bestR = r;
        this.bestPos = i + 1;
      }
    }
  }

  /** 0 when c fits in route r, the penalty for the added excess under a soft limit, else Infinity. */
  private capacityCost(w: Plan, c: number, r: number): number {
    const K = this.inst.K;
    const cap = this.inst.cap;
    const dem = this.inst.demand;
    let ex = 0;
    for (let k = 0; k < K; k++) {
      const over = w.load[r * K + k] + dem[c * K + k] - cap[r * K + k];
      if (over > 1e-9) ex += over * this.invCap[k];
    }
    if (ex === 0) return 0;
    if (this.lambda === Infinity || this.inst.lockRank[c] >= 0) return Infinity;
    return this.lambda * (ex - w.rexcess[r]);
  }

  private nextBlinkGap(): number {
    if (this.blinkRate <= 0) return Number.MAX_SAFE_INTEGER;
    return 1 + Math.floor(Math.log(1 - this.rng.next()) / Math.log(1 - this.blinkRate));
  }

  private fits(w: Plan, c: number, r: number): boolean {
    const K = this.inst.K;
    const cap = this.inst.cap;
    const dem = this.inst.demand;
    for (let k = 0; k < K; k++) if (w.load[r * K + k] + dem[c * K + k] > cap[r * K + k] + 1e-9) return false;
    return true;
  }

  /** Cost of inserting c before position pos+1 of route r (after position `after`), Infinity when infeasible. */
  private insertionCost(w: Plan, c: number, r: number, after: number): number {
    const inst = this.inst;
    if (!this.fits(w, c, r)) return Infinity;
    const base = r * this.M;
    const N = inst.N;
    const a = w.nodes[base + after];
    const b = w.nodes[base + after + 1];
    const dd = inst.dist[a * N + c] + inst.dist[c * N + b] - inst.dist[a * N + b];
    if (dd > inst.vMaxDist[r] - w.rdist[r]) return Infinity;
    const st = this.earliestStart(c, w.E[base + after] + inst.service[a] + inst.time[a * N + c]);
    if (st === Infinity || st + inst.service[c] + inst.time[c * N + b] > w.L[base + after + 1]) return Infinity;
    return (w.len[r] === 0 ? inst.vFixed[r] : 0) + inst.vPerDist[r] * dd;
  }

  private insertAt(w: Plan, c: number, r: number, pos: number) {
    const base = r * this.M;
    const m = w.len[r];
    for (let i = m + 1; i > pos; i--) w.nodes[base + i] = w.nodes[base + i - 1];
    w.nodes[base + pos] = c;
    w.len[r] = m + 1;
    w.routeOf[c] = r;
    w.missing--;
    w.total -= this.penalty;
    this.touch(r);
    this.recompute(w, r);
  }

  private earliestStart(c: number, arrival: number): number {
    const inst = this.inst;
    const off = inst.twOff[c];
    const cnt = inst.twCnt[c];
    for (let k = 0; k < cnt; k++) {
      if (arrival <= inst.twL[off + k] + 1e-9) return arrival > inst.twE[off + k] ? arrival : inst.twE[off + k];
    }
    return Infinity;
  }

  private latestStart(c: number, x: number): number {
    const inst = this.inst;
    const off = inst.twOff[c];
    for (let k = inst.twCnt[c] - 1; k >= 0; k--) {
      if (x >= inst.twE[off + k] - 1e-9) return x < inst.twL[off + k] ? x : inst.twL[off + k];
    }
    return -Infinity;
  }

  /** Rebuilds route r's depot ends, earliest/latest starts, load, distance and cost. */
  private recompute(w: Plan, r: number) {
    const inst = this.inst;
    const { N, K, dist, time, service, demand } = inst;
    const base = r * this.M;
    const m = w.len[r];
    const depot = inst.vDepot[r];
    const nodes = w.nodes;
    nodes[base] = depot;
    nodes[base + m + 1] = depot;
    let t = inst.vStart[r];
    w.E[base] = t;
    let prev = depot;
    let d = 0;
    for (let k = 0; k < K; k++) w.load[r * K + k] = 0;
    for (let i = 1; i <= m; i++) {
      const c = nodes[base + i];
      t = this.earliestStart(c, t + service[prev] + time[prev * N + c]);
      w.E[base + i] = t;
      d += dist[prev * N + c];
      w.routeOf[c] = r;
      w.posOf[c] = i;
      for (let k = 0; k < K; k++) w.load[r * K + k] += demand[c * K + k];
      prev = c;
    }
    w.E[base + m + 1] = t + service[prev] + time[prev * N + depot];
    d += dist[prev * N + depot];
    let l = inst.vEnd[r];
    w.L[base + m + 1] = l;
    let next = depot;
    for (let i = m; i >= 1; i--) {
      const c = nodes[base + i];
      l = this.latestStart(c, l - service[c] - time[c * N + next]);
      w.L[base + i] = l;
      next = c;
    }
    w.L[base] = l - time[depot * N + next];
    const cost = m > 0 ? inst.vFixed[r] + inst.vPerDist[r] * d : 0;
    let ex = 0;
    for (let k = 0; k < K; k++) {
      const over = w.load[r * K + k] - inst.cap[r * K + k];
      if (over > 1e-9) ex += over * this.invCap[k];
    }
    w.excess += ex - w.rexcess[r];
    w.rexcess[r] = ex;
    w.total += cost - w.rcost[r];
    w.rcost[r] = cost;
    w.rdist[r] = d;
  }

  /** Why stop c (left out of the best plan) fits nowhere: the first constraint that blocks every position. */
  whyMissing(c: number): "capacity" | "time_window" | "too_far" | "no_vehicle" {
    const inst = this.inst;
    const b = this.best;
    let capOnly = false;
    let timeOnly = false;
    let distOnly = false;
    const lv = inst.lockVeh[c];
    for (let r = 0; r < inst.V; r++) {
      if (lv >= 0 && r !== lv) continue;
      const capOk = this.fits(b, c, r);
      const base = r * this.M;
      for (let i = 0; i <= b.len[r]; i++) {
        const a = b.nodes[base + i];
        const n = b.nodes[base + i + 1];
        const dd = inst.dist[a * inst.N + c] + inst.dist[c * inst.N + n] - inst.dist[a * inst.N + n];
        const distOk = dd <= inst.vMaxDist[r] - b.rdist[r];
        const st = this.earliestStart(c, b.E[base + i] + inst.service[a] + inst.time[a * inst.N + c]);
        const timeOk = st !== Infinity && st + inst.service[c] + inst.time[c * inst.N + n] <= b.L[base + i + 1];
        if (timeOk && distOk && !capOk) capOnly = true;
        if (capOk && distOk && !timeOk) timeOnly = true;
        if (capOk && timeOk && !distOk) distOnly = true;
      }
    }
    return capOnly ? "capacity" : timeOnly ? "time_window" : distOnly ? "too_far" : "no_vehicle";
  }
}

function clampStart(start: number, span: number, m: number): number {
  if (start < 1) return 1;
  if (start + span - 1 > m) return m - span + 1;
  return start;
}
