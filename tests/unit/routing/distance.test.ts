import { describe, expect, it } from "vitest";
import { euclideanMatrix, haversineMatrix, haversineMetres } from "@/lib/routing/distance";

describe("distance providers", () => {
  it("great circle: Bengaluru to Chennai is about 290 km in a straight line", () => {
    const d = haversineMetres(12.9716, 77.5946, 13.0827, 80.2707);
    expect(d).toBeGreaterThan(288_000);
    expect(d).toBeLessThan(292_000);
  });

  it("applies the road factor and the average speed", () => {
    const pts = [
      { lat: 12.9716, lng: 77.5946 },
      { lat: 12.9816, lng: 77.5946 },
    ];
    const straight = haversineMetres(12.9716, 77.5946, 12.9816, 77.5946);
    const m = haversineMatrix(pts, { roadFactor: 1.5, speedKmh: 36 });
    expect(m.distance[1]).toBeCloseTo(straight * 1.5, 6);
    expect(m.duration[1]).toBeCloseTo((straight * 1.5) / 10, 6); // 36 km/h = 10 m/s
    expect(m.distance[2]).toBeCloseTo(m.distance[1], 9);
    expect(haversineMatrix(pts).distance[1]).toBeCloseTo(straight * 1.3, 6);
  });

  it("Euclidean, rounded or not", () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ];
    expect(euclideanMatrix(pts).distance[1]).toBeCloseTo(Math.SQRT2, 12);
    expect(euclideanMatrix(pts, { round: true }).distance[1]).toBe(1);
  });
});
