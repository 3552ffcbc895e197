// A backlog drains at the speed of the jobs, not at one job per poll: the busy queues' workers are
// registered with the options the app uses (workOptions: its default 4 slots and 2 s polling), here
// on queues of this test's own so no other file's jobs are in the way. Fetched one job at a time, a
// slot waits the polling interval after every job: 120 jobs took a minute (2 jobs/s), which is how the
// morning's order events fell behind under load. The handler is a fast one; the queue's own options
// (retries, expiry) come from lib/jobs/queues.ts.
import type { JobWithMetadata } from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { queues, type QueueName } from "@/lib/jobs/queues";
import { workOptions } from "@/lib/jobs/worker";

afterAll(async () => {
  await stopBoss();
});

const JOBS = 120;

describe("a backlog of jobs", () => {
  for (const name of ["order-notify", "email-deliver", "invoice-pdf"] as QueueName[]) {
    it(`${JOBS} queued ${name} jobs are all done within 15 s, each once`, { timeout: 60_000 }, async () => {
      const boss = await getBoss();
      const queue = `test-backlog-${name}-${Date.now()}`;
      const { deadLetter: _, ...options0 } = queues[name];
      await boss.createQueue(queue, options0);
      await boss.insert(queue, Array.from({ length: JOBS }, (_, i) => ({ data: { i } })));
      const seen: number[] = [];
      const options = workOptions(name);
      const started = Date.now();
      const handle = (jobs: JobWithMetadata<{ i: number }>[]) => {
        for (const j of jobs) seen.push(j.data.i);
        return "perJobResults" in options ? jobs.map((j) => ({ id: j.id, status: "completed" as const, output: null })) : undefined;
      };
      const workerId = await boss.work(queue, options, handle as never);
      try {
        while (seen.length < JOBS && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 100));
        const seconds = (Date.now() - started) / 1000;
        expect(seen.length, `${seen.length} of ${JOBS} jobs done in ${seconds.toFixed(1)} s`).toBe(JOBS);
        expect(new Set(seen).size).toBe(JOBS);
      } finally {
        await boss.offWork(queue, { id: workerId });
      }
    });
  }
});
