// Puts a problem and its travel matrix side by side: every depot and stop gets its matrix index.
import { HaversineProvider } from "./distance";
import type { DistanceProvider, Location, Problem } from "./types";

/**
 * Returns a copy of the problem carrying a travel matrix for its depots and stops (depots first, then stops,
 * in the problem's order). A problem that already has a matrix is returned as it is.
 */
export async function withTravelMatrix(problem: Problem, provider: DistanceProvider = new HaversineProvider()): Promise<Problem> {
  if (problem.matrix) return problem;
  const points: Location[] = [];
  for (const d of problem.depots) {
    if (!d.location) throw new Error(`depot ${d.id} has no location`);
    points.push(d.location);
  }
  for (const s of problem.stops) {
    if (!s.location) throw new Error(`stop ${s.id} has no location`);
    points.push(s.location);
  }
  const matrix = await provider.matrix(points);
  const nd = problem.depots.length;
  return {
    ...problem,
    matrix,
    depots: problem.depots.map((d, i) => ({ ...d, matrixIndex: i })),
    stops: problem.stops.map((s, i) => ({ ...s, matrixIndex: nd + i })),
  };
}
