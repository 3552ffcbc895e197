// Password reset by a 6-digit code sent by email: stored as an HMAC, valid 10 minutes, at most 5
// attempts, requests limited per email and per client address. Neither door tells whether an email
// has an account: a request does the same work for any email (the limits, then one background job
// that looks the user up and mails the code), and every failed confirmation gets one answer after the
// same queries and the same HMAC, whether the email is unknown, has no code, or the code is wrong,
// spent or expired.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { clearLoginThrottle } from "@/lib/auth/login-throttle";
import { hashPassword, passwordSchema } from "@/lib/auth/password";
import { revokeAllForUser } from "@/lib/auth/tokens";
import { prisma, type PrismaClient } from "@/lib/db/client";
import { authSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { queueEmail } from "@/lib/integrations/messaging/send-email";
import { passwordResetEmail } from "@/lib/integrations/messaging/templates";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { hit, rateLimited } from "@/lib/rate-limit";
import { emailSchema, parseInput } from "@/lib/validation";

export const OTP_TTL_MS = 10 * 60 * 1000;
export const OTP_MAX_ATTEMPTS = 5;

export const requestResetInput = z.strictObject({ email: emailSchema });
export const resetPasswordInput = z.strictObject({
  email: emailSchema,
  code: z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code from the email"),
  password: passwordSchema,
});

export const RESET_REQUESTED_MESSAGE = "If an account exists for that email, we have sent a 6-digit code to it. It is valid for 10 minutes.";
/** The one answer to every failed confirmation. */
export const CODE_REJECTED_MESSAGE = "That code is not valid for this email: it is wrong, used up or expired. Check it, or request a new code.";

const codeRejected = () => new AppError("validation", CODE_REJECTED_MESSAGE, { fieldErrors: { code: [CODE_REJECTED_MESSAGE] } });
// Compared against when there is no code, so an unknown email costs the same HMAC and comparison.
const NO_CODE_HASH = "0".repeat(64);

/**
 * Public: counts the request against the per-email and per-address limits, then queues one job
 * ("password-reset-code") whatever the email. The job looks the user up and mails a code (sendPasswordCode).
 */
export async function requestPasswordReset(db: PrismaClient, input: unknown, meta: { ip?: string; now?: Date } = {}) {
  const { email } = parseInput(requestResetInput, input);
  const now = meta.now ?? new Date();
  const limits = [
    { key: `otp:email:${email}`, limit: 3, windowSeconds: 15 * 60 },
    ...(meta.ip ? [{ key: `otp:ip:${meta.ip}`, limit: 10, windowSeconds: 15 * 60 }] : []),
  ];
  for (const l of limits) {
    const r = await hit(db, l, now);
    if (!r.allowed) throw rateLimited(r.retryAfterSeconds, "Too many code requests");
  }
  await enqueueJob(db, "password-reset-code", { email, purpose: "reset" });
  return { message: RESET_REQUESTED_MESSAGE };
}

/**
 * Makes a new code for an active user with this email (older unused codes stop working) and queues
 * the mail with it; does nothing for any other email. `jobId` makes a job that runs twice make one code.
 * Runs in the "password-reset-code" job, and directly for an invitation (lib/people/add-employee.ts).
 */
export async function sendPasswordCode(
  db: PrismaClient,
  input: { email: string; purpose: "reset" | "invite"; companyName?: string; jobId?: string },
  now = new Date(),
): Promise<{ sent: boolean }> {
  const email = input.email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email } });
  if (!user || !user.isActive) return { sent: false };
  if (input.jobId && (await db.passwordResetOtp.findUnique({ where: { jobId: input.jobId }, select: { id: true } }))) return { sent: false };
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  // The mail's delivery job commits with the code; a worker sends it (lib/jobs/worker.ts).
  await db.$transaction(async (tx) => {
    await tx.passwordResetOtp.updateMany({ where: { userId: user.id, consumedAt: null }, data: { consumedAt: now } });
    await tx.passwordResetOtp.create({ data: { userId: user.id, codeHash: codeHash(user.id, code), expiresAt: new Date(now.getTime() + OTP_TTL_MS), createdAt: now, jobId: input.jobId ?? null } });
    await queueEmail(tx, passwordResetEmail({ to: email, name: user.name, code, purpose: input.purpose, companyName: input.companyName }));
  });
  return { sent: true };
}

/** The "password-reset-code" job. */
export function runPasswordCodeJob(data: { email: string; purpose: "reset" | "invite"; companyName?: string }, job: { id: string }) {
  return sendPasswordCode(prisma, { ...data, jobId: job.id });
}

export async function resetPassword(db: PrismaClient, input: unknown, now = new Date()) {
  const data = parseInput(resetPasswordInput, input);
  // The same statements for every email: find the live code through the email (none for an unknown
  // one), count the attempt (on nothing when there is no code), then one HMAC and one comparison.
  const otp = await db.passwordResetOtp.findFirst({
    where: { user: { email: data.email }, consumedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, userId: true, codeHash: true },
  });
  // Counted before comparing, with a conditional update, so parallel guesses cannot exceed the cap.
  const counted = await db.passwordResetOtp.updateMany({ where: { id: otp?.id ?? "", attempts: { lt: OTP_MAX_ATTEMPTS }, consumedAt: null }, data: { attempts: { increment: 1 } } });
  const expected = Buffer.from(otp?.codeHash ?? NO_CODE_HASH, "hex");
  const actual = Buffer.from(codeHash(otp?.userId ?? "", data.code), "hex");
  const matches = expected.length === actual.length && timingSafeEqual(expected, actual);
  if (!otp || counted.count === 0 || !matches) throw codeRejected();

  const passwordHash = await hashPassword(data.password);
  const user = await db.$transaction(async (tx) => {
    const consumed = await tx.passwordResetOtp.updateMany({ where: { id: otp.id, consumedAt: null }, data: { consumedAt: now } });
    if (consumed.count === 0) throw codeRejected();
    const u = await tx.user.update({ where: { id: otp.userId }, data: { passwordHash, passwordChangedAt: now }, select: { id: true, email: true, kind: true } });
    await tx.auditLog.create({ data: { action: "user.password_reset", entityType: "User", entityId: u.id, actorUserId: u.id, actorKind: u.kind === "STAFF" ? "staff" : "retailer" } });
    // Whoever pushed the account past its failed sign-in ceiling, the new password opens it again.
    await clearLoginThrottle(tx, u.email);
    return u;
  });
  await revokeAllForUser(db, user.id, now);
  return { ok: true as const };
}

function codeHash(otpUserId: string, code: string) {
  return createHmac("sha256", authSecret()).update(`${otpUserId}:${code}`).digest("hex");
}
