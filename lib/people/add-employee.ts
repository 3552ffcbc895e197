import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, can, roleLabels } from "@/lib/auth/permissions";
import { sendPasswordCode } from "@/lib/auth/password-reset";
import type { Ctx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { queueEmail } from "@/lib/integrations/messaging/send-email";
import { addedToCompanyEmail } from "@/lib/integrations/messaging/templates";
import { addEmployeeInput } from "@/lib/people/people.schemas";
import { employeeInclude, toEmployeeView, type EmployeeView } from "@/lib/people/employee-view";
import { parseInput } from "@/lib/validation";

/**
 * Adds a staff member to the acting company. A new person gets an account without a password and
 * an email with a code to set one; someone already on Vendor ERP (staff of another company) is
 * linked and told by email.
 */
export async function addEmployee(ctx: Ctx, input: unknown): Promise<EmployeeView> {
  assertCan(ctx.actor, "employees.write");
  const data = parseInput(addEmployeeInput, input);
  const actor = ctx.actor;
  if ((data.role === "OWNER" || data.role === "ADMIN") && !can(actor, "employees.manage_admins")) {
    throw new AppError("forbidden", "Only an owner can add owners or admins", { fieldErrors: { role: ["Only an owner can give this role"] } });
  }
  const result = await ctx.db.$transaction(async (tx) => {
    const company = await tx.company.findUniqueOrThrow({ where: { id: actor.companyId }, select: { legalName: true, tradeName: true } });
    let user = await tx.user.findUnique({ where: { email: data.email } });
    if (user && user.kind !== "STAFF") {
      throw new AppError("conflict", "This email belongs to a retailer account", { fieldErrors: { email: ["This email belongs to a retailer account; use another email"] } });
    }
    const isNew = !user;
    if (!user) user = await tx.user.create({ data: { email: data.email, name: data.name, phone: data.phone ?? null, kind: "STAFF" } });
    const existing = await tx.membership.findUnique({ where: { companyId_userId: { companyId: actor.companyId, userId: user.id } } });
    if (existing) {
      throw new AppError("conflict", existing.active ? "This person is already an employee" : "This person was deactivated; reactivate them instead", {
        fieldErrors: { email: [existing.active ? "Already an employee of this company" : "A deactivated employee has this email; reactivate them from the list"] },
      });
    }
    const membership = await tx.membership.create({ data: { companyId: actor.companyId, userId: user.id, role: data.role, title: data.title ?? null }, include: employeeInclude });
    await recordAudit(ctx, tx, { action: "employee.add", entityType: "Membership", entityId: membership.id, after: { email: user.email, name: user.name, role: data.role, title: data.title } });
    const companyName = company.tradeName ?? company.legalName;
    if (!isNew) await queueEmail(tx, addedToCompanyEmail({ to: user.email, name: user.name, companyName, role: roleLabels[data.role], companyId: actor.companyId }));
    return { membership, isNew, companyName };
  });
  // New people set their password with the same one-time code flow as a reset.
  if (result.isNew) await sendPasswordCode(prisma, { email: data.email, purpose: "invite", companyName: result.companyName }, ctx.now());
  return toEmployeeView(result.membership);
}
