import "server-only";
// The position of an Indian PIN code: the centre of its post offices (India Post's directory; built
// by scripts/build-pincode-table.ts into pincode-centroids.tsv.gz, ~19,500 codes, 160 KB). Loaded once
// per process on first use (about 20 ms) and kept in memory (about 2 MB).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export type LatLng = { lat: number; lng: number };

let table: Map<string, LatLng> | null = null;

function load(): Map<string, LatLng> {
  const file = path.join(process.cwd(), "lib/logistics/geo/pincode-centroids.tsv.gz");
  const text = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8");
  const m = new Map<string, LatLng>();
  for (const line of text.split("\n")) {
    if (!line) continue;
    const [pin, lat, lng] = line.split("\t");
    m.set(pin, { lat: Number(lat), lng: Number(lng) });
  }
  return m;
}

/** The centre of a 6-digit PIN code, or null for a code India Post does not list. */
export function pincodePosition(pincode: string | null | undefined): LatLng | null {
  if (!pincode || !/^[1-9]\d{5}$/.test(pincode)) return null;
  table ??= load();
  return table.get(pincode) ?? null;
}

/** How many PIN codes the table knows (for the README and a test). */
export function pincodeCount(): number {
  table ??= load();
  return table.size;
}
