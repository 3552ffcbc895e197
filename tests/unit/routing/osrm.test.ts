import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haversineMetres } from "@/lib/routing/distance";
import { OsrmProvider } from "@/lib/routing/osrm";
import { BuiltInOptimizer } from "@/lib/routing/solve";

// A local server speaking OSRM's /table/v1 JSON: distance = great circle × 1.4, duration at 10 m/s, and the
// point at lat 0 unreachable (null), as OSRM answers for a point on no road.
const requests: URL[] = [];
let server: Server;
let baseUrl = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    requests.push(url);
    const m = /^\/table\/v1\/driving\/(.+)$/.exec(url.pathname);
    if (!m) {
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ code: "InvalidUrl", message: "bad path" }));
      return;
    }
    const pts = decodeURIComponent(m[1]).split(";").map((c) => c.split(",").map(Number));
    const sources = url.searchParams.get("sources")!.split(";").map(Number);
    const dests = url.searchParams.get("destinations")!.split(";").map(Number);
    if (pts.length > 10) {
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ code: "TooBig", message: "Too many table coordinates" }));
      return;
    }
    const cell = (f: (d: number) => number) =>
      sources.map((s) =>
        dests.map((d) => {
          const [lngA, latA] = pts[s];
          const [lngB, latB] = pts[d];
          if (latA === 0 || latB === 0) return s === d ? 0 : null;
          return f(haversineMetres(latA, lngA, latB, lngB) * 1.4);
        }),
      );
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ code: "Ok", distances: cell((d) => d), durations: cell((d) => d / 10) }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const pts = Array.from({ length: 12 }, (_, i) => ({ lat: 12.9 + i * 0.01, lng: 77.5 + (i % 3) * 0.01 }));

describe("OSRM table adapter", () => {
  it("asks in blocks within the server's table size and assembles the full matrix", async () => {
    requests.length = 0;
    const m = await new OsrmProvider({ baseUrl, blockSize: 10 }).matrix(pts);
    expect(requests.length).toBe(9); // 12 points in blocks of 5 sources × 5 destinations
    expect(requests[0].searchParams.get("annotations")).toBe("duration,distance");
    const expected = haversineMetres(pts[2].lat, pts[2].lng, pts[11].lat, pts[11].lng) * 1.4;
    expect(m.distance[2 * 12 + 11]).toBeCloseTo(expected, 0);
    expect(m.duration[11 * 12 + 2]).toBeCloseTo(expected / 10, 1);
    expect(m.distance[5 * 12 + 5]).toBe(0);
  });

  it("turns an unreachable point into Infinity and the solver reports it too far", async () => {
    const depot = pts[0];
    const sol = await new BuiltInOptimizer(new OsrmProvider({ baseUrl, blockSize: 10 })).solve(
      {
        depots: [{ id: "wh", location: depot }],
        vehicles: [{ id: "van", depotId: "wh", capacity: [10] }],
        stops: [
          { id: "near", location: pts[3], demand: [1] },
          { id: "island", location: { lat: 0, lng: 77.5 }, demand: [1] },
        ],
      },
      { iterations: 50 },
    );
    expect(sol.routes[0].stopIds).toEqual(["near"]);
    expect(sol.unassigned).toEqual([expect.objectContaining({ stopId: "island", reason: "too_far" })]);
  });

  it("reports the server's error", async () => {
    await expect(new OsrmProvider({ baseUrl, blockSize: 40 }).matrix(pts)).rejects.toThrow(/TooBig.*Too many table coordinates.*HTTP 400/);
  });
});
