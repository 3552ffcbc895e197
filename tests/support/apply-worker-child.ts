// A worker process for the payment-event queue only: the real pg-boss worker (batched as in
// lib/jobs/worker.ts) running the real handler (applyWebhookEvent). The process-kill test starts it as
// a child, SIGKILLs it while it holds a claimed job, and starts a fresh one:
//   DATABASE_URL=... node --conditions=react-server --import tsx tests/support/apply-worker-child.ts
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { runBatch, workOptions } from "@/lib/jobs/worker";
import type { JobWithMetadata } from "pg-boss";
import type { JobData } from "@/lib/jobs/queues";

const boss = await getBoss();
await boss.work(
  "gateway-event-apply",
  // The app's own options for this queue, one slot (pg-boss's default), polling every half second.
  workOptions("gateway-event-apply", { concurrency: 1, pollingIntervalSeconds: 0.5 }),
  (jobs: JobWithMetadata<JobData["gateway-event-apply"]>[]) => runBatch("gateway-event-apply", jobs),
);
process.on("SIGTERM", () => void stopBoss().then(() => process.exit(0)));
process.stdout.write(`ready ${process.pid}\n`);
