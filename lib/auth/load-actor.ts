// Builds an Actor from a user id, re-reading the database so that a deactivated user or a
// changed role takes effect on the next request, not when a token expires. With a session id
// (the browser cookie's or the access token's), the session row must be live too: sign-out,
// password changes and deactivation end sessions there (lib/auth/sessions.ts).
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db/client";

/**
 * `sessionId`: undefined = no session check (internal callers that just authenticated);
 * null or a string = the request's session, which must exist, be unrevoked and unexpired.
 */
export async function loadActor(db: PrismaClient, userId: string, companyId?: string | null, sessionId?: string | null, now = new Date()): Promise<Actor | null> {
  if (sessionId === null) return null; // a cookie or token from before sessions were recorded
  // The session check is an EXISTS inside the user's own query: no extra round trip per request.
  const user = await db.user.findFirst({
    where: { id: userId, ...(sessionId !== undefined ? { sessions: { some: { id: sessionId, revokedAt: null, expiresAt: { gt: now } } } } : {}) },
    include: {
      memberships: { where: { active: true, company: {} }, orderBy: { createdAt: "asc" } },
      retailerMemberships: { where: { active: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!user || !user.isActive) return null;
  const session = sessionId ? { sessionId } : {};
  if (user.kind === "STAFF") {
    const m = user.memberships.find((x) => x.companyId === companyId) ?? (companyId ? undefined : user.memberships[0]);
    if (!m) return null;
    return { kind: "staff", userId: user.id, email: user.email, name: user.name, companyId: m.companyId, role: m.role, ...session };
  }
  const r = user.retailerMemberships[0];
  if (!r) return null;
  return { kind: "retailer", userId: user.id, email: user.email, name: user.name, retailerId: r.retailerId, ...session };
}
