// Closed-loop load: `concurrency` workers pull attempts from one queue until it is empty, each
// attempt timed; plus the seeded order generator both write benchmarks use, so every phase (and the
// raw-SQL twin of a phase) asks for exactly the same orders.
import { seededRandom } from "../../lib/demo/seeded-random";
import { summarize, type Summary } from "./stats";

export type Line = { productId: string; quantity: number };
export type Outcome = "ok" | "insufficient_stock" | "error";

export type LoadResult = {
  concurrency: number;
  attempts: number;
  ok: number;
  insufficientStock: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  okPerSec: number;
  attemptsPerSec: number;
  latencyOkMs: Summary;
  latencyAllMs: Summary;
  /** Units of the attempts that succeeded. */
  okUnits: number;
};

export async function runLoad(concurrency: number, orders: Line[][], attempt: (lines: Line[], i: number) => Promise<Outcome>): Promise<LoadResult> {
  let next = 0;
  let ok = 0;
  let insufficientStock = 0;
  let errors = 0;
  let firstError: string | null = null;
  let okUnits = 0;
  const okTimes: number[] = [];
  const allTimes: number[] = [];
  const t0 = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= orders.length) return;
      const t = performance.now();
      let outcome: Outcome;
      try {
        outcome = await attempt(orders[i], i);
      } catch (err) {
        outcome = "error";
        firstError ??= err instanceof Error ? err.message : String(err);
      }
      const ms = performance.now() - t;
      allTimes.push(ms);
      if (outcome === "ok") {
        ok++;
        okTimes.push(ms);
        okUnits += orders[i].reduce((s, l) => s + l.quantity, 0);
      } else if (outcome === "insufficient_stock") insufficientStock++;
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return {
    concurrency,
    attempts: orders.length,
    ok,
    insufficientStock,
    errors,
    firstError,
    seconds: round(seconds),
    okPerSec: round(ok / seconds),
    attemptsPerSec: round(orders.length / seconds),
    latencyOkMs: summarize(okTimes),
    latencyAllMs: summarize(allTimes),
    okUnits,
  };
}

/** n orders of 3 distinct products, 1–5 units each, from a seeded generator. */
export function makeOrders(products: string[], n: number, seed: number): Line[][] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const picked = new Set<number>();
    while (picked.size < 3) picked.add(Math.floor(rand() * products.length));
    return [...picked].map((k) => ({ productId: products[k], quantity: 1 + Math.floor(rand() * 5) }));
  });
}

export const round = (x: number) => Math.round(x * 100) / 100;
