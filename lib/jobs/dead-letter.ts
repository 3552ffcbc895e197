import "server-only";
// The dead-letter list: jobs that failed every retry wait in pg-boss's "dead-letter" queue (nothing
// works that queue) until a person looks at them in Settings → Background jobs and retries them.
// A company sees only the jobs about its own rows: the job data names an EmailMessage or an
// OrderEvent, and that row's companyId decides. (Mail with no company, such as password codes,
// shows to nobody here; the worker logs every final failure.)
import { fromPrisma, type JobWithMetadata } from "pg-boss";
import type { StaffActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { requeueFailedEmail } from "@/lib/integrations/messaging/send-email";
import { getBoss } from "@/lib/jobs/boss";
import { DEAD_LETTER_QUEUE } from "@/lib/jobs/queues";

export type FailedJobView = {
  id: string;
  queue: string;
  queueLabel: string;
  /** What the job was about, in words: "Email to … — subject", "Notifications: order SO/… placed". */
  description: string;
  lastError: string | null;
  /** Attempts made before it gave up. */
  attempts: number;
  /** When it landed in the dead-letter list. */
  failedAt: string;
  /** When the original job was queued. */
  queuedAt: string | null;
};

const queueLabels: Record<string, string> = { "email-deliver": "Email delivery", "order-notify": "Order notifications", "password-reset-code": "Password codes", "maintenance-prune": "Housekeeping" };

type JobData = { emailId?: unknown; eventId?: unknown };

/** Dead-lettered jobs about the acting company, newest first. Staff with audit.read or company.write. */
export async function listFailedJobs(ctx: Ctx): Promise<FailedJobView[]> {
  const actor = assertMayManageJobs(ctx);
  const boss = await getBoss();
  const jobs: JobWithMetadata<JobData>[] = [];
  // Oldest first, a thousand at a time; the list is small (jobs leave it when retried, or after 30 days).
  for (let after: string | undefined; ; ) {
    const batch = await boss.findJobs<JobData>(DEAD_LETTER_QUEUE, { queued: true, limit: 1000, ...(after ? { after } : {}) });
    jobs.push(...batch);
    if (batch.length < 1000) break;
    after = batch[batch.length - 1].id;
  }
  const described = await describeForCompany(ctx, actor.companyId, jobs);
  return jobs
    .filter((j) => described.has(j.id))
    .map((j) => ({
      id: j.id,
      queue: j.sourceName ?? "unknown",
      queueLabel: queueLabels[j.sourceName ?? ""] ?? j.sourceName ?? "Unknown queue",
      description: described.get(j.id)!,
      lastError: errorMessage(j.sourceOutput),
      attempts: (j.sourceRetryCount ?? 0) + 1,
      failedAt: new Date(j.createdOn).toISOString(),
      queuedAt: j.sourceCreatedOn ? new Date(j.sourceCreatedOn).toISOString() : null,
    }))
    .sort((a, b) => b.failedAt.localeCompare(a.failedAt) || b.id.localeCompare(a.id));
}

/**
 * Sends a dead-lettered job back to the queue it failed on, as a fresh job with all its retries (a
 * failed mail goes back to QUEUED first). Another company's job, or one already retried, is not found.
 */
export async function retryFailedJob(ctx: Ctx, id: string): Promise<{ id: string; queue: string }> {
  const actor = assertMayManageJobs(ctx);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound("Failed job");
  const boss = await getBoss();
  const [job] = await boss.findJobs<JobData>(DEAD_LETTER_QUEUE, { id, queued: true });
  if (!job || !(await describeForCompany(ctx, actor.companyId, [job])).has(job.id)) throw notFound("Failed job");
  const queue = job.sourceName ?? "unknown";
  await ctx.db.$transaction(async (tx) => {
    if (typeof job.data?.emailId === "string") await requeueFailedEmail(tx, job.data.emailId);
    const moved = await boss.redrive(DEAD_LETTER_QUEUE, { ids: [job.id], db: fromPrisma(tx) });
    if (moved !== 1) throw new AppError("conflict", "This job was already retried");
    await recordAudit(ctx, tx, { action: "job.retry", entityType: "Job", entityId: job.id, after: { queue, data: job.data } });
  });
  return { id: job.id, queue };
}

function assertMayManageJobs(ctx: Ctx): StaffActor {
  const actor = ctx.actor;
  if (actor.kind !== "staff") throw new AppError("forbidden", "This is for vendor staff");
  if (!can(actor, "audit.read") && !can(actor, "company.write")) throw new AppError("forbidden", "Only owners, admins and accountants can see failed background jobs");
  return actor;
}

/** Job id → description, for the jobs whose row belongs to `companyId`. */
async function describeForCompany(ctx: Ctx, companyId: string, jobs: JobWithMetadata<JobData>[]) {
  const emailIds = [...new Set(jobs.map((j) => j.data?.emailId).filter((v): v is string => typeof v === "string"))];
  const eventIds = [...new Set(jobs.map((j) => j.data?.eventId).filter((v): v is string => typeof v === "string"))];
  const [emails, events] = await Promise.all([
    emailIds.length ? ctx.db.emailMessage.findMany({ where: { id: { in: emailIds }, companyId }, select: { id: true, to: true, subject: true } }) : [],
    eventIds.length ? ctx.db.orderEvent.findMany({ where: { id: { in: eventIds }, companyId }, select: { id: true, kind: true, order: { select: { number: true } } } }) : [],
  ]);
  const emailById = new Map(emails.map((e) => [e.id, `Email to ${e.to} — ${e.subject}`]));
  const eventById = new Map(events.map((e) => [e.id, `Notifications: order ${e.order.number} ${e.kind}`]));
  const out = new Map<string, string>();
  for (const j of jobs) {
    const d = (typeof j.data?.emailId === "string" && emailById.get(j.data.emailId)) || (typeof j.data?.eventId === "string" && eventById.get(j.data.eventId));
    if (d) out.set(j.id, d);
  }
  return out;
}

function errorMessage(output: unknown): string | null {
  if (!output || typeof output !== "object") return output == null ? null : String(output);
  const o = output as { message?: unknown; value?: unknown };
  if (typeof o.message === "string") return o.message;
  if (o.value !== undefined) return String(o.value);
  return JSON.stringify(output).slice(0, 500);
}
