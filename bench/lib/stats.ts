// Latency statistics, timing loops, one call's time and memory, the printed table and the results file.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type Summary = { n: number; p50: number; p95: number; p99: number; min: number; max: number; mean: number };

/** Nearest-rank percentile of samples in milliseconds. */
export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n: s.length,
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    min: round(s[0] ?? NaN),
    max: round(s[s.length - 1] ?? NaN),
    mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
}

/** Runs `fn` `warmup` times unmeasured, then `samples` times one after another, timing each call. */
export async function measure(fn: (i: number) => Promise<unknown>, opts: { warmup: number; samples: number }): Promise<number[]> {
  for (let i = 0; i < opts.warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < opts.samples; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return times;
}

export type Footprint = { ms: number; rssGrowthMb: number; heapGrowthMb: number };

/**
 * One call of `fn`: its wall time, and how far the process's RSS and heap rose above where they were
 * before it (after a GC when run with --expose-gc), their peaks sampled every 5 ms and once at the end.
 */
export async function measured<T>(fn: () => Promise<T>): Promise<{ run: Footprint; value: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  let peakRss = rss0;
  let peakHeap = heap0;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const t = performance.now();
  const value = await fn();
  const ms = Math.round(performance.now() - t);
  clearInterval(sample);
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  return { value, run: { ms, rssGrowthMb: Math.round((peakRss - rss0) / 1e6), heapGrowthMb: Math.round((peakHeap - heap0) / 1e6) } };
}

/** The 1, 5 and 15 minute load averages, to 2 places. */
export function loadAverage() {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}

/** A fixed-width text table. */
export function table(headers: string[], rows: (string | number)[][]) {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

/** Writes bench/results/<name>-<YYYY-MM-DD>.json and returns its path. */
export function writeResults(name: string, data: unknown) {
  const dir = path.join(process.cwd(), "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().slice(0, 10)}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  return path.relative(process.cwd(), file);
}

/** What the numbers were measured on. */
export async function machineInfo(query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>) {
  const [{ version }] = (await query("SELECT version()")).rows as { version: string }[];
  const settings = (await query(`SELECT name, setting FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'fsync', 'synchronous_commit', 'max_connections', 'jit', 'lc_collate')`)).rows as { name: string; setting: string }[];
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: loadAverage(),
    postgres: version,
    postgresSettings: Object.fromEntries(settings.map((s) => [s.name, s.setting])),
  };
}
