import "server-only";
import type { Ctx } from "@/lib/ctx";

/** The companies the acting staff user can switch between. */
export async function listMyCompanies(ctx: Ctx) {
  if (ctx.actor.kind !== "staff") return [];
  const rows = await ctx.db.membership.findMany({
    where: { userId: ctx.actor.userId, active: true },
    select: { role: true, company: { select: { id: true, legalName: true, tradeName: true, code: true } } },
    orderBy: { company: { legalName: "asc" } },
  });
  return rows.map((r) => ({ id: r.company.id, name: r.company.tradeName ?? r.company.legalName, code: r.company.code, role: r.role }));
}
