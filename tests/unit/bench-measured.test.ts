// The benches' one-call measurement (bench/lib/stats.ts measured, used by the GSTR-1 and reports
// benches): the call's own value, its wall time, and how far RSS and heap rose above where they stood
// before it, after a GC where the process offers one.
import v8 from "node:v8";
import vm from "node:vm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadAverage, measured } from "@/bench/lib/stats";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const g = globalThis as { gc?: () => void };

afterEach(() => {
  delete g.gc;
});

describe("measured", () => {
  it("returns the call's value and its wall time in whole milliseconds", async () => {
    const { value, run } = await measured(async () => {
      await sleep(40);
      return "GSTR-1";
    });
    expect(value).toBe("GSTR-1");
    expect(Number.isInteger(run.ms)).toBe(true);
    expect(run.ms).toBeGreaterThanOrEqual(35);
    expect(Object.keys(run)).toEqual(["ms", "rssGrowthMb", "heapGrowthMb"]);
  });

  it("counts what the call still holds at its end in the heap and RSS growth, in MB", async () => {
    // A GC first, as the benches run with --expose-gc: otherwise garbage earlier test files left (this
    // process runs them one after another) can be collected during the call and hide its growth.
    v8.setFlagsFromString("--expose-gc");
    g.gc = vm.runInNewContext("gc") as () => void;
    const { value, run } = await measured(async () => {
      const held = new Float64Array(6_000_000).fill(1.5); // 48 MB, written so it is resident
      const objects = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `line ${i}` })); // on the JS heap
      await sleep(20);
      return { held, objects };
    });
    expect(value.objects).toHaveLength(300_000);
    // RSS may reuse pages a previous test freed, so only the heap's growth is certain here.
    expect(run.rssGrowthMb).toBeGreaterThanOrEqual(0);
    expect(run.heapGrowthMb).toBeGreaterThanOrEqual(10);
  });

  it("never reports a fall below the start, and collects garbage first when the process allows it", async () => {
    const order: string[] = [];
    g.gc = vi.fn(() => order.push("gc"));
    const { run } = await measured(async () => {
      order.push("call");
    });
    expect(order).toEqual(["gc", "call"]);
    expect(run.rssGrowthMb).toBeGreaterThanOrEqual(0);
    expect(run.heapGrowthMb).toBeGreaterThanOrEqual(0);
  });
});

describe("loadAverage", () => {
  it("gives the 1, 5 and 15 minute load averages to 2 places", () => {
    const load = loadAverage();
    expect(load).toHaveLength(3);
    for (const x of load) expect(Math.round(x * 100) / 100).toBe(x);
  });
});
