// Email + password check shared by the browser login and the API token endpoint. Brute-force limits
// (lib/auth/login-throttle.ts) slow the guesser per account and address without locking out the owner.
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { claimLoginAttempt, releaseLoginAttempt } from "@/lib/auth/login-throttle";
import { verifyPassword } from "@/lib/auth/password";
import { assertNoForbiddenChars } from "@/lib/control-chars";
import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const wrong = () => new AppError("invalid_credentials", "Email or password is incorrect");

export async function authenticate(
  db: PrismaClient,
  input: { email: string; password: string; ip?: string; companyId?: string | null },
  now = new Date(),
): Promise<Actor> {
  const email = String(input.email ?? "").trim().toLowerCase();
  const password = String(input.password ?? "");
  assertNoForbiddenChars({ email, password }); // a NUL must never reach the queries below (422, not 500)
  if (!email || !password) throw wrong();
  // Counted as a failure up front (or refused with the wait); given back below if the password is right.
  await claimLoginAttempt(db, email, input.ip, now);
  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok || !user.passwordHash) throw wrong();
  await releaseLoginAttempt(db, email, input.ip);
  if (!user.isActive) throw new AppError("forbidden", "This account has been deactivated. Ask your company's admin.");
  const actor = await loadActor(db, user.id, input.companyId);
  if (!actor) throw new AppError("forbidden", "This account is not active in any company or retailer business.");
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return actor;
}
