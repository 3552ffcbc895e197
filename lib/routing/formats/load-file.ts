// Reading benchmark files from disk (Node only; the solver core never imports this).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { BenchmarkInstance } from "./benchmark";
import { detectFormat, parseBenchmark } from "./detect";

export function loadBenchmarkFile(file: string): BenchmarkInstance {
  return parseBenchmark(readFileSync(file, "utf8"), path.basename(file).replace(/\.[^.]+$/, ""));
}

/** Every file in the folder (not recursive) that is in a known format, sorted by name. */
export function listBenchmarkFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => !f.endsWith(".json"))
    .sort()
    .map((f) => path.join(folder, f))
    .filter((f) => detectFormat(readFileSync(f, "utf8")) !== null);
}
