// Distance providers: great-circle with a road factor (the default), and given or planar matrices.
import type { DistanceProvider, Location, TravelMatrix } from "./types";

const EARTH_RADIUS_M = 6_371_008.8;

export interface HaversineOptions {
  /** Road distance ÷ straight-line distance (default 1.3, typical of Indian towns). */
  roadFactor?: number;
  /** Average driving speed in km/h (default 25, city delivery traffic). */
  speedKmh?: number;
}

export function haversineMetres(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLng = (bLng - aLng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distances in metres (great circle × road factor), durations in seconds at the average speed. */
export function haversineMatrix(points: Location[], options: HaversineOptions = {}): TravelMatrix {
  const roadFactor = options.roadFactor ?? 1.3;
  const metresPerSecond = ((options.speedKmh ?? 25) * 1000) / 3600;
  const n = points.length;
  const lat = new Float64Array(n);
  const lng = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = points[i];
    if (!("lat" in p)) throw new Error(`point ${i} has no lat/lng`);
    lat[i] = p.lat;
    lng[i] = p.lng;
  }
  const distance = new Float64Array(n * n);
  const duration = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = haversineMetres(lat[i], lng[i], lat[j], lng[j]) * roadFactor;
      const t = d / metresPerSecond;
      distance[i * n + j] = d;
      distance[j * n + i] = d;
      duration[i * n + j] = t;
      duration[j * n + i] = t;
    }
  }
  return { size: n, distance, duration };
}

export class HaversineProvider implements DistanceProvider {
  constructor(private readonly options: HaversineOptions = {}) {}
  async matrix(points: Location[]): Promise<TravelMatrix> {
    return haversineMatrix(points, this.options);
  }
}

/** Planar distances (benchmark sets); travel time = distance. `round`: nearest integer (CVRPLIB convention). */
export function euclideanMatrix(points: Location[], options: { round?: boolean } = {}): TravelMatrix {
  const n = points.length;
  const distance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = points[i];
    if (!("x" in a)) throw new Error(`point ${i} has no x/y`);
    for (let j = 0; j < n; j++) {
      const b = points[j] as { x: number; y: number };
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      distance[i * n + j] = options.round ? Math.round(d) : d;
    }
  }
  return { size: n, distance, duration: distance.slice() };
}

export class EuclideanProvider implements DistanceProvider {
  constructor(private readonly options: { round?: boolean } = {}) {}
  async matrix(points: Location[]): Promise<TravelMatrix> {
    return euclideanMatrix(points, this.options);
  }
}

/** Matrices given as nested arrays (a road-network export, a test); `duration` defaults to `distance`. */
export function matrixFromRows(distance: number[][], duration?: number[][]): TravelMatrix {
  const n = distance.length;
  const d = new Float64Array(n * n);
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    if (distance[i].length !== n || (duration && duration[i].length !== n)) throw new Error("matrix is not square");
    for (let j = 0; j < n; j++) {
      d[i * n + j] = distance[i][j];
      t[i * n + j] = duration ? duration[i][j] : distance[i][j];
    }
  }
  return { size: n, distance: d, duration: t };
}

/** A provider that answers from a matrix known in advance, indexed by the points' order. */
export class MatrixProvider implements DistanceProvider {
  constructor(private readonly full: TravelMatrix) {}
  async matrix(points: Location[]): Promise<TravelMatrix> {
    if (points.length !== this.full.size) throw new Error("MatrixProvider: point count differs from the matrix size");
    return this.full;
  }
}
