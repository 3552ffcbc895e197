// Picks the parser from the text itself.
import type { BenchmarkInstance } from "./benchmark";
import { parseSolomon } from "./solomon";
import { parseVrplib } from "./vrplib";

export function detectFormat(text: string): "vrplib" | "solomon" | null {
  if (/NODE_COORD_SECTION/.test(text)) return "vrplib";
  if (/^\s*VEHICLE\s*$/m.test(text) && /^\s*CUSTOMER\s*$/m.test(text)) return "solomon";
  return null;
}

export function parseBenchmark(text: string, fallbackName?: string): BenchmarkInstance {
  const format = detectFormat(text);
  if (format === "vrplib") return parseVrplib(text, fallbackName);
  if (format === "solomon") return parseSolomon(text, fallbackName);
  throw new Error(`${fallbackName ?? "instance"}: neither VRPLIB nor Solomon format`);
}
