// A benchmark instance read from a file: the problem in the shared model plus the raw data an independent
// checker needs, and the file's own node numbers.
import type { Problem } from "../types";

export interface BenchmarkInstance {
  name: string;
  /** `cvrp`: rounded Euclidean distances, vehicles free. `vrptw`: unrounded, travel time = distance. */
  kind: "cvrp" | "vrptw";
  problem: Problem;
  capacity: number;
  /** Vehicles the file allows (Solomon); CVRP: as many as customers. */
  vehicles: number;
  depot: BenchmarkNode;
  customers: BenchmarkNode[];
}

export interface BenchmarkNode {
  /** The file's own number (VRPLIB node id, Solomon customer number). */
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}
