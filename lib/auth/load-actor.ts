// Builds an Actor from a user id, re-reading the database so that a deactivated user or a
// changed role takes effect on the next request, not when a token expires. With a session id
// (the browser cookie's or the access token's), the session row must be live too: sign-out,
// password changes and deactivation end sessions there (lib/auth/sessions.ts).
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db/client";
import { runnerFor } from "@/lib/db/sql-runner";
import type { Role } from "@/lib/generated/prisma/enums";

// Every request runs this, so it is one statement on the app's pool (no ORM): the user, the session
// check as an EXISTS, the staff membership (of the given company, else the first) and the retailer
// membership (the first), oldest first as sign-in picks them.
const actorSql = `
SELECT u.id, u.email, u.name, u.kind::text AS kind, u."isActive",
  (SELECT json_build_object('companyId', m."companyId", 'role', m.role::text) FROM "Membership" m
    WHERE m."userId" = u.id AND m.active AND ($2::text IS NULL OR m."companyId" = $2::text)
    ORDER BY m."createdAt" LIMIT 1) AS membership,
  (SELECT rm."retailerId" FROM "RetailerMembership" rm WHERE rm."userId" = u.id AND rm.active ORDER BY rm."createdAt" LIMIT 1) AS "retailerId"
FROM "User" u
WHERE u.id = $1::text
  AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM "UserSession" s WHERE s."userId" = u.id AND s.id = $3::text AND s."revokedAt" IS NULL AND s."expiresAt" > $4::timestamptz))`;

type Row = { id: string; email: string; name: string; kind: string; isActive: boolean; membership: { companyId: string; role: Role } | null; retailerId: string | null };

/**
 * `sessionId`: undefined = no session check (internal callers that just authenticated);
 * null or a string = the request's session, which must exist, be unrevoked and unexpired.
 */
export async function loadActor(db: PrismaClient, userId: string, companyId?: string | null, sessionId?: string | null, now = new Date()): Promise<Actor | null> {
  if (sessionId === null) return null; // a cookie or token from before sessions were recorded
  const [user] = await runnerFor(db).query<Row>(actorSql, [userId, companyId ?? null, sessionId ?? null, now]);
  if (!user || !user.isActive) return null;
  const session = sessionId ? { sessionId } : {};
  if (user.kind === "STAFF") {
    const m = user.membership;
    if (!m) return null;
    return { kind: "staff", userId: user.id, email: user.email, name: user.name, companyId: m.companyId, role: m.role, ...session };
  }
  if (!user.retailerId) return null;
  return { kind: "retailer", userId: user.id, email: user.email, name: user.name, retailerId: user.retailerId, ...session };
}
