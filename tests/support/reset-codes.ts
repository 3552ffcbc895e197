// Password-reset codes are made by the "password-reset-code" job (no worker runs in these tests):
// run the queued jobs for an email here, as the worker would, with the clock the test chooses.
import { sendPasswordCode } from "@/lib/auth/password-reset";
import { prisma } from "@/lib/db/client";
import { getBoss } from "@/lib/jobs/boss";

export async function deliverResetCodes(email: string, now = new Date()) {
  const boss = await getBoss();
  const jobs = await boss.findJobs<{ email: string; purpose: "reset" | "invite" }>("password-reset-code", { data: { email } });
  // A job id makes at most one code, so running one again (or after a worker did) changes nothing.
  for (const job of jobs.sort((a, b) => +new Date(a.createdOn) - +new Date(b.createdOn))) await sendPasswordCode(prisma, { ...job.data, jobId: job.id }, now);
  return jobs.length;
}

/** The code in the newest mail to `email`, after running its queued code jobs. */
export async function latestResetCode(email: string, now = new Date()) {
  await deliverResetCodes(email, now);
  const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return /\b(\d{6})\b/.exec(mail.text)![1];
}
