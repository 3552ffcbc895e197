// Road distances from an OSRM server (`/table/v1/{profile}/`), e.g. one run by the distributor on an OSM
// extract of its state. Large point sets are asked for in blocks of sources × destinations, since servers cap
// the table size (osrm-routed's --max-table-size, 100 by default). Unreachable pairs come back as Infinity.
import type { DistanceProvider, Location, TravelMatrix } from "./types";

export interface OsrmOptions {
  /** e.g. "http://localhost:5000" */
  baseUrl: string;
  profile?: string;
  /** Points per block of sources and of destinations (default 100). */
  blockSize?: number;
  fetch?: typeof globalThis.fetch;
}

interface TableResponse {
  code: string;
  message?: string;
  durations?: (number | null)[][];
  distances?: (number | null)[][];
}

export class OsrmProvider implements DistanceProvider {
  constructor(private readonly options: OsrmOptions) {}

  async matrix(points: Location[]): Promise<TravelMatrix> {
    const n = points.length;
    const block = Math.max(1, Math.floor((this.options.blockSize ?? 100) / 2));
    const distance = new Float64Array(n * n);
    const duration = new Float64Array(n * n);
    const coords = points.map((p, i) => {
      if (!("lat" in p)) throw new Error(`point ${i} has no lat/lng`);
      return `${p.lng.toFixed(6)},${p.lat.toFixed(6)}`;
    });
    for (let s0 = 0; s0 < n; s0 += block) {
      for (let d0 = 0; d0 < n; d0 += block) {
        const src = range(s0, Math.min(n, s0 + block));
        const dst = range(d0, Math.min(n, d0 + block));
        const body = await this.table(src.concat(dst).map((i) => coords[i]), src.length, dst.length);
        src.forEach((i, a) => {
          dst.forEach((j, b) => {
            const t = body.durations?.[a]?.[b];
            const d = body.distances?.[a]?.[b];
            duration[i * n + j] = t === null || t === undefined ? Infinity : t;
            distance[i * n + j] = d === null || d === undefined ? Infinity : d;
          });
        });
      }
    }
    for (let i = 0; i < n; i++) {
      distance[i * n + i] = 0;
      duration[i * n + i] = 0;
    }
    return { size: n, distance, duration };
  }

  private async table(coords: string[], sources: number, destinations: number): Promise<TableResponse> {
    const base = this.options.baseUrl.replace(/\/+$/, "");
    const profile = encodeURIComponent(this.options.profile ?? "driving");
    const params = new URLSearchParams({
      sources: range(0, sources).join(";"),
      destinations: range(sources, sources + destinations).join(";"),
      annotations: "duration,distance",
    });
    const url = `${base}/table/v1/${profile}/${coords.join(";")}?${params.toString().replace(/%3B/g, ";").replace(/%2C/g, ",")}`;
    const res = await (this.options.fetch ?? globalThis.fetch)(url);
    const body = (await res.json().catch(() => ({ code: "InvalidResponse" }))) as TableResponse;
    if (!res.ok || body.code !== "Ok") throw new Error(`OSRM table: ${body.code}${body.message ? ` (${body.message})` : ""}, HTTP ${res.status}`);
    if (!body.distances) throw new Error("OSRM table: no distances in the answer (the server needs annotations=distance support, OSRM ≥ 5.19)");
    return body;
  }
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, i) => a + i);
}
