import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import type { Role } from "@/lib/generated/prisma/enums";

/** Head-count of active employees per role in the acting company. */
export async function countEmployeesByRole(ctx: Ctx): Promise<{ byRole: Partial<Record<Role, number>>; total: number }> {
  assertCan(ctx.actor, "employees.read");
  const rows = await ctx.db.membership.groupBy({ by: ["role"], where: { companyId: ctx.actor.companyId, active: true }, _count: { _all: true } });
  return { byRole: Object.fromEntries(rows.map((r) => [r.role, r._count._all])), total: rows.reduce((n, r) => n + r._count._all, 0) };
}
