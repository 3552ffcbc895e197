import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listEmployeesInput } from "@/lib/people/people.schemas";
import { employeeInclude, toEmployeeView, type EmployeeView } from "@/lib/people/employee-view";
import { parseInput } from "@/lib/validation";

export type EmployeePage = { items: EmployeeView[]; total: number; page: number; pageSize: number; pageCount: number };

export async function listEmployees(ctx: Ctx, input: unknown): Promise<EmployeePage> {
  assertCan(ctx.actor, "employees.read");
  const q = parseInput(listEmployeesInput, input);
  const where: Prisma.MembershipWhereInput = {
    companyId: ctx.actor.companyId,
    ...(q.status === "all" ? {} : { active: q.status === "active" }),
    ...(q.role ? { role: q.role } : {}),
    ...(q.q
      ? {
          OR: [
            { user: { name: { contains: q.q, mode: "insensitive" } } },
            { user: { email: { contains: q.q, mode: "insensitive" } } },
            { user: { phone: { contains: q.q } } },
            { title: { contains: q.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const orderBy: Prisma.MembershipOrderByWithRelationInput[] =
    q.sort === "role" || q.sort === "createdAt"
      ? [{ [q.sort]: q.dir }]
      : q.sort === "lastLoginAt"
        ? [{ user: { lastLoginAt: { sort: q.dir, nulls: "last" } } }]
        : [{ user: { [q.sort]: q.dir } }];
  orderBy.push({ id: "asc" });
  const [total, rows] = await Promise.all([
    ctx.db.membership.count({ where }),
    ctx.db.membership.findMany({ where, include: employeeInclude, orderBy, skip: q.offset ?? (q.page - 1) * q.pageSize, take: q.pageSize }),
  ]);
  return { items: rows.map(toEmployeeView), total, page: q.page, pageSize: q.pageSize, pageCount: Math.max(1, Math.ceil(total / q.pageSize)) };
}
