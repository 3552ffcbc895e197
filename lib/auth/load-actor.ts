// Builds an Actor from a user id, re-reading the database so that a deactivated user or a
// changed role takes effect on the next request, not when a token expires.
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db/client";

export async function loadActor(db: PrismaClient, userId: string, companyId?: string | null): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: {
      memberships: { where: { active: true, company: {} }, orderBy: { createdAt: "asc" } },
      retailerMemberships: { where: { active: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!user || !user.isActive) return null;
  if (user.kind === "STAFF") {
    const m = user.memberships.find((x) => x.companyId === companyId) ?? (companyId ? undefined : user.memberships[0]);
    if (!m) return null;
    return { kind: "staff", userId: user.id, email: user.email, name: user.name, companyId: m.companyId, role: m.role };
  }
  const r = user.retailerMemberships[0];
  if (!r) return null;
  return { kind: "retailer", userId: user.id, email: user.email, name: user.name, retailerId: r.retailerId };
}
