// Password reset by a 6-digit code sent by email: stored as an HMAC, valid 10 minutes, at most 5
// attempts, requests limited per email and per IP. Answers never reveal whether an email exists.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { hashPassword, passwordSchema } from "@/lib/auth/password";
import { revokeAllForUser } from "@/lib/auth/tokens";
import type { PrismaClient } from "@/lib/db/client";
import { authSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { queueEmail } from "@/lib/integrations/messaging/send-email";
import { passwordResetEmail } from "@/lib/integrations/messaging/templates";
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

function codeHash(otpUserId: string, code: string) {
  return createHmac("sha256", authSecret()).update(`${otpUserId}:${code}`).digest("hex");
}

export async function requestPasswordReset(db: PrismaClient, input: unknown, meta: { ip?: string; now?: Date; purpose?: "reset" | "invite"; companyName?: string } = {}) {
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
  const user = await db.user.findUnique({ where: { email } });
  if (!user || !user.isActive) return { message: RESET_REQUESTED_MESSAGE };
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  // The mail's delivery job commits with the code; a worker sends it (lib/jobs/worker.ts).
  await db.$transaction(async (tx) => {
    await tx.passwordResetOtp.updateMany({ where: { userId: user.id, consumedAt: null }, data: { consumedAt: now } });
    await tx.passwordResetOtp.create({ data: { userId: user.id, codeHash: codeHash(user.id, code), expiresAt: new Date(now.getTime() + OTP_TTL_MS), createdAt: now } });
    await queueEmail(tx, passwordResetEmail({ to: email, name: user.name, code, purpose: meta.purpose ?? "reset", companyName: meta.companyName }));
  });
  return { message: RESET_REQUESTED_MESSAGE };
}

export async function resetPassword(db: PrismaClient, input: unknown, now = new Date()) {
  const data = parseInput(resetPasswordInput, input);
  const invalid = new AppError("validation", "The code is invalid or has expired. Request a new one.", { fieldErrors: { code: ["The code is invalid or has expired"] } });
  const user = await db.user.findUnique({ where: { email: data.email } });
  if (!user) throw invalid;
  const otp = await db.passwordResetOtp.findFirst({ where: { userId: user.id, consumedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: "desc" } });
  if (!otp) throw invalid;
  // Count the attempt before comparing, with a conditional update, so parallel guesses cannot exceed the cap.
  const counted = await db.passwordResetOtp.updateMany({ where: { id: otp.id, attempts: { lt: OTP_MAX_ATTEMPTS }, consumedAt: null }, data: { attempts: { increment: 1 } } });
  if (counted.count === 0) {
    throw new AppError("validation", "Too many wrong codes. Request a new code.", { fieldErrors: { code: ["Too many wrong codes. Request a new code."] } });
  }
  const expected = Buffer.from(otp.codeHash, "hex");
  const actual = Buffer.from(codeHash(user.id, data.code), "hex");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    const left = OTP_MAX_ATTEMPTS - (otp.attempts + 1);
    throw new AppError("validation", "That code is not right.", {
      fieldErrors: { code: [left > 0 ? `That code is not right. ${left} attempt${left === 1 ? "" : "s"} left.` : "Too many wrong codes. Request a new code."] },
    });
  }
  const passwordHash = await hashPassword(data.password);
  await db.$transaction(async (tx) => {
    const consumed = await tx.passwordResetOtp.updateMany({ where: { id: otp.id, consumedAt: null }, data: { consumedAt: now } });
    if (consumed.count === 0) throw invalid;
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now } });
    await tx.auditLog.create({ data: { action: "user.password_reset", entityType: "User", entityId: user.id, actorUserId: user.id, actorKind: user.kind === "STAFF" ? "staff" : "retailer" } });
  });
  await revokeAllForUser(db, user.id, now);
  return { ok: true as const };
}
