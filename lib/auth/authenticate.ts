// Email + password check shared by the browser login and the API token endpoint, with brute-force
// limits kept in PostgreSQL (per email and per IP) so they hold across instances.
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { verifyPassword } from "@/lib/auth/password";
import { assertNoForbiddenChars } from "@/lib/control-chars";
import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hit, peek, rateLimited, type Limit } from "@/lib/rate-limit";

export const loginLimits = (email: string, ip: string | undefined): Limit[] => [
  { key: `login:email:${email}`, limit: 10, windowSeconds: 15 * 60 },
  ...(ip ? [{ key: `login:ip:${ip}`, limit: 50, windowSeconds: 15 * 60 }] : []),
];

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
  const limits = loginLimits(email, input.ip);
  for (const l of limits) {
    const state = await peek(db, l, now);
    if (!state.allowed) throw rateLimited(state.retryAfterSeconds, "Too many sign-in attempts");
  }
  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok || !user.passwordHash) {
    for (const l of limits) await hit(db, l, now);
    throw wrong();
  }
  if (!user.isActive) throw new AppError("forbidden", "This account has been deactivated. Ask your company's admin.");
  const actor = await loadActor(db, user.id, input.companyId);
  if (!actor) throw new AppError("forbidden", "This account is not active in any company or retailer business.");
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return actor;
}
