import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, can } from "@/lib/auth/permissions";
import { endAllSessions } from "@/lib/auth/sessions";
import type { Ctx } from "@/lib/ctx";
import type { Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { updateEmployeeInput } from "@/lib/people/people.schemas";
import { employeeInclude, toEmployeeView, type EmployeeView } from "@/lib/people/employee-view";
import { parseInput } from "@/lib/validation";

/** Changes an employee's role or title, or (de)activates them. `id` is the membership id. */
export async function updateEmployee(ctx: Ctx, id: string, input: unknown): Promise<EmployeeView> {
  assertCan(ctx.actor, "employees.write");
  const data = parseInput(updateEmployeeInput, input);
  const actor = ctx.actor;
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.membership.findFirst({ where: { id, companyId: actor.companyId }, include: employeeInclude });
    if (!before) throw notFound("Employee");
    const touchesAdmins = [before.role, data.role].some((r) => r === "OWNER" || r === "ADMIN");
    if (touchesAdmins && (data.role !== undefined || data.active !== undefined) && !can(actor, "employees.manage_admins")) {
      throw new AppError("forbidden", "Only an owner can change owners and admins", { fieldErrors: { role: ["Only an owner can change this"] } });
    }
    if (before.userId === actor.userId && (data.role !== undefined && data.role !== before.role || data.active === false)) {
      throw new AppError("conflict", "You cannot change your own role or deactivate yourself; ask another owner");
    }
    const losesOwner = before.role === "OWNER" && before.active && ((data.role && data.role !== "OWNER") || data.active === false);
    if (losesOwner) await assertAnotherOwner(tx, actor.companyId, before.id);
    const active = data.active ?? before.active;
    const updated = await tx.membership.update({
      where: { id, companyId: actor.companyId },
      data: {
        role: data.role,
        title: data.title === undefined ? undefined : data.title,
        active,
        deactivatedAt: active ? null : (before.deactivatedAt ?? ctx.now()),
      },
      include: employeeInclude,
    });
    // A deactivated employee is out at once: every session and API token of theirs ends.
    if (!active && before.active) await endAllSessions(tx, before.userId, "deactivated", ctx.now());
    const action = data.active === false && before.active ? "employee.deactivate" : data.active === true && !before.active ? "employee.reactivate" : "employee.update";
    await recordAudit(ctx, tx, {
      action,
      entityType: "Membership",
      entityId: id,
      before: { role: before.role, title: before.title, active: before.active },
      after: { role: updated.role, title: updated.title, active: updated.active },
    });
    return toEmployeeView(updated);
  });
}

export function deactivateEmployee(ctx: Ctx, id: string) {
  return updateEmployee(ctx, id, { active: false });
}

async function assertAnotherOwner(tx: Tx, companyId: string, exceptId: string) {
  // Lock the owners first, so two admins demoting two owners at once cannot leave none.
  await tx.$queryRaw`SELECT id FROM "Membership" WHERE "companyId" = ${companyId} AND role = 'OWNER' ORDER BY id FOR UPDATE`;
  const others = await tx.membership.count({ where: { companyId, role: "OWNER", active: true, id: { not: exceptId } } });
  if (others === 0) throw new AppError("conflict", "A company needs at least one active owner. Make someone else owner first.");
}
