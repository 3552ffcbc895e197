// Runs once when a Next.js server starts: the Node.js server starts the background job workers
// (pg-boss, lib/jobs/worker.ts) inside the app, unless JOBS_WORKER=off says separate `npm run worker`
// processes do it. The import is dynamic so the edge bundle never pulls in pg-boss or Prisma.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS_WORKER === "off") return;
  if (!process.env.DATABASE_URL) return; // e.g. `next build` collecting pages: no database, no jobs
  const { startWorkers } = await import("./lib/jobs/worker");
  const { log } = await import("./lib/log");
  // Not awaited: a database that is slow to answer must not hold up the server; failures are logged.
  startWorkers().catch((err) => log("error", "background job workers did not start", { error: String((err as Error)?.stack ?? err) }));
}
