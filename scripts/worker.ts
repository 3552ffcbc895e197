// npm run worker — runs the background jobs (mail delivery, order notifications) as a process of its
// own, beside or instead of the web app's (set JOBS_WORKER=off on the web app to leave them all here).
// Start as many as needed; SIGTERM/SIGINT stop taking jobs and let the running ones finish.
import { env } from "../lib/env";
import { startWorkers, stopWorkers } from "../lib/jobs/worker";
import { log } from "../lib/log";
import { disconnect } from "../lib/db/client";

if (!env().DATABASE_URL) {
  console.error("DATABASE_URL is not set: the worker needs the app's database (`npm run db:migrate` installs the job queues).");
  process.exit(1);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log("info", "worker stopping", { signal });
  try {
    await stopWorkers();
    await disconnect();
    process.exit(0);
  } catch (err) {
    log("error", "worker did not stop cleanly", { error: String(err) });
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

await startWorkers();
log("info", "worker running; stop with Ctrl-C", { pid: process.pid });
