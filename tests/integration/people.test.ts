import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { deliverEmail } from "@/lib/integrations/messaging/send-email";
import { getBoss } from "@/lib/jobs/boss";
import { addEmployee } from "@/lib/people/add-employee";
import { listEmployees } from "@/lib/people/list-employees";
import { deactivateEmployee, updateEmployee } from "@/lib/people/update-employee";
import { createStaff, tenant } from "../support/factories";

const unique = (p: string) => `${p}-${Math.random().toString(36).slice(2, 8)}@test.example`;

describe("employees", () => {
  it("adds a new person: account without password, membership, audit row and an invite mail with a code", async () => {
    const t = await tenant();
    const email = unique("asha");
    const e = await addEmployee(t.ctx, { name: "Asha Patil", email: email.toUpperCase(), role: "SALES", title: "Area sales officer" });
    expect(e).toMatchObject({ name: "Asha Patil", email, role: "SALES", active: true, invitePending: true });
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash).toBeNull();
    expect(await prisma.auditLog.count({ where: { companyId: t.company.id, action: "employee.add", entityId: e.id } })).toBe(1);
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: email } });
    expect(mail.template).toBe("employee_invite");
    expect(mail.text).toMatch(/\b\d{6}\b/);
    // Delivered after commit by the "email-deliver" job written in the same transaction.
    const boss = await getBoss();
    expect(await boss.findJobs("email-deliver", { data: { emailId: mail.id } })).toHaveLength(1);
    await deliverEmail(mail.id);
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe("SENT");
  });

  it("links someone who already works for another company and tells them by mail", async () => {
    const a = await tenant();
    const b = await tenant();
    const e = await addEmployee(b.ctx, { name: "ignored", email: a.user.email, role: "MANAGER" });
    expect(e.userId).toBe(a.user.id);
    expect(await prisma.membership.count({ where: { userId: a.user.id } })).toBe(2);
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: a.user.email, template: "employee_added" } });
    expect(mail.subject).toContain(b.company.legalName);
  });

  it("refuses duplicates, retailer emails and bad input with field errors, writing nothing", async () => {
    const t = await tenant();
    const before = await prisma.membership.count({ where: { companyId: t.company.id } });
    await expect(addEmployee(t.ctx, { name: "Me", email: t.user.email, role: "SALES" })).rejects.toMatchObject({ code: "conflict", fieldErrors: { email: [expect.any(String)] } });
    await expect(addEmployee(t.ctx, { name: "", email: "not-an-email", role: "CHIEF" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { name: [expect.any(String)], email: ["Enter a valid email address"], role: [expect.any(String)] },
    });
    expect(await prisma.membership.count({ where: { companyId: t.company.id } })).toBe(before);
  });

  it("lets only an owner hand out owner or admin roles", async () => {
    const t = await tenant();
    const admin = await createStaff(t.company.id, "ADMIN");
    await expect(addEmployee(admin.ctx, { name: "X", email: unique("x"), role: "ADMIN" })).rejects.toMatchObject({ code: "forbidden" });
    const sales = await addEmployee(admin.ctx, { name: "Y", email: unique("y"), role: "SALES" });
    await expect(updateEmployee(admin.ctx, sales.id, { role: "OWNER" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateEmployee(t.ctx, sales.id, { role: "ADMIN" })).resolves.toMatchObject({ role: "ADMIN" });
  });

  it("roles without employees.write cannot add or change people", async () => {
    const t = await tenant();
    const mgr = await createStaff(t.company.id, "MANAGER");
    await expect(addEmployee(mgr.ctx, { name: "Z", email: unique("z"), role: "SALES" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateEmployee(mgr.ctx, t.membership.id, { title: "x" })).rejects.toMatchObject({ code: "forbidden" });
    const driver = await createStaff(t.company.id, "DRIVER");
    await expect(listEmployees(driver.ctx, {})).rejects.toMatchObject({ code: "forbidden" });
  });

  it("changes a role, deactivates and reactivates, auditing each", async () => {
    const t = await tenant();
    const s = await createStaff(t.company.id, "SALES");
    await expect(updateEmployee(t.ctx, s.membership.id, { role: "MANAGER", title: "Branch manager" })).resolves.toMatchObject({ role: "MANAGER", title: "Branch manager" });
    const off = await deactivateEmployee(t.ctx, s.membership.id);
    expect(off.active).toBe(false);
    const row = await prisma.membership.findUniqueOrThrow({ where: { id: s.membership.id } });
    expect(row.deactivatedAt).toBeInstanceOf(Date);
    await expect(updateEmployee(t.ctx, s.membership.id, { active: true })).resolves.toMatchObject({ active: true });
    const actions = (await prisma.auditLog.findMany({ where: { entityId: s.membership.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((a) => a.action);
    expect(actions).toEqual(["employee.update", "employee.deactivate", "employee.reactivate"]);
  });

  it("never leaves a company without an active owner, nor lets people demote themselves", async () => {
    const t = await tenant();
    const other = await createStaff(t.company.id, "OWNER");
    await expect(updateEmployee(t.ctx, t.membership.id, { role: "SALES" })).rejects.toMatchObject({ code: "conflict" });
    await deactivateEmployee(t.ctx, other.membership.id);
    const admin = await createStaff(t.company.id, "ADMIN");
    await expect(updateEmployee(admin.ctx, t.membership.id, { active: false })).rejects.toMatchObject({ code: "forbidden" });
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: t.membership.id } })).active).toBe(true);
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const t = await tenant();
    const b = await createStaff(t.company.id, "OWNER");
    const results = await Promise.allSettled([updateEmployee(t.ctx, b.membership.id, { role: "SALES" }), updateEmployee(b.ctx, t.membership.id, { role: "SALES" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.membership.count({ where: { companyId: t.company.id, role: "OWNER", active: true } })).toBe(1);
  });

  it("lists with search, role and status filters, sorting and pages", async () => {
    const t = await tenant();
    const names = ["Anil Deshmukh", "Bhavna Shah", "Chetan Rao", "Divya Iyer", "Eshan Gupta"];
    for (const [i, name] of names.entries()) await createStaff(t.company.id, i % 2 ? "SALES" : "WAREHOUSE", { name, active: i !== 4 });
    const all = await listEmployees(t.ctx, { status: "all", pageSize: 2, sort: "name" });
    expect(all.total).toBe(6);
    expect(all.pageCount).toBe(3);
    expect(all.items.map((e) => e.name)).toEqual(["Anil Deshmukh", "Bhavna Shah"]);
    const page3 = await listEmployees(t.ctx, { status: "all", pageSize: 2, page: 3, sort: "name" });
    expect(page3.items.map((e) => e.name)).toEqual(["Eshan Gupta", "Staff OWNER"]);
    expect((await listEmployees(t.ctx, { q: "bhav" })).items.map((e) => e.name)).toEqual(["Bhavna Shah"]);
    expect((await listEmployees(t.ctx, { role: "SALES" })).items.map((e) => e.name)).toEqual(["Bhavna Shah", "Divya Iyer"]);
    expect((await listEmployees(t.ctx, { status: "inactive" })).items.map((e) => e.name)).toEqual(["Eshan Gupta"]);
    expect((await listEmployees(t.ctx, { sort: "name", dir: "desc", pageSize: 1 })).items[0].name).toBe("Staff OWNER");
    await expect(listEmployees(t.ctx, { sort: "password" })).rejects.toMatchObject({ code: "validation", fieldErrors: { sort: [expect.any(String)] } });
  });

  it("cross-tenant: another company's employee is not found and is left untouched", async () => {
    const a = await tenant();
    const b = await tenant();
    const s = await createStaff(a.company.id, "SALES");
    await expect(updateEmployee(b.ctx, s.membership.id, { role: "MANAGER" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deactivateEmployee(b.ctx, s.membership.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listEmployees(b.ctx, { q: s.user.email })).total).toBe(0);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: s.membership.id } })).role).toBe("SALES");
  });
});
