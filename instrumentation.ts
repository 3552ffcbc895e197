// Runs once when a Next.js server starts: the Node.js server starts the background job workers
// (pg-boss, lib/jobs/worker.ts) inside the app, unless JOBS_WORKER=off says separate `npm run worker`
// processes do it. Imports are dynamic so the edge bundle never pulls in pg-boss or Prisma.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  // No database (e.g. `next build` collecting pages): nothing to work on.
  if (env().JOBS_WORKER === "off" || !env().DATABASE_URL) return;
  const { startWorkers } = await import("./lib/jobs/worker");
  const { log } = await import("./lib/log");
  // Not awaited: a database slow to answer must not hold up the server; a failure is logged.
  startWorkers().catch((err) => log("error", "background job workers did not start", { error: String((err as Error)?.stack ?? err) }));
}
