import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can, permissions, rolePermissions } from "@/lib/auth/permissions";
import { Role } from "@/lib/generated/prisma/enums";

const staff = (role: Role): Actor => ({ kind: "staff", userId: "u", email: "e", name: "n", companyId: "c", role });

describe("permission table", () => {
  it("gives the owner everything and every role a subset of real permissions", () => {
    expect([...rolePermissions.OWNER].sort()).toEqual([...permissions].sort());
    for (const role of Object.values(Role)) for (const p of rolePermissions[role]) expect(permissions).toContain(p);
  });

  it("keeps the sensitive ones where they belong", () => {
    expect(can(staff("ADMIN"), "employees.write")).toBe(true);
    expect(can(staff("ADMIN"), "employees.manage_admins")).toBe(false);
    expect(can(staff("SALES"), "orders.write")).toBe(true);
    expect(can(staff("SALES"), "payments.write")).toBe(false);
    expect(can(staff("ACCOUNTANT"), "payments.write")).toBe(true);
    expect(can(staff("WAREHOUSE"), "inventory.write")).toBe(true);
    expect(can(staff("DRIVER"), "deliveries.update")).toBe(true);
    expect(can(staff("DRIVER"), "employees.read")).toBe(false);
    expect(can(staff("MANAGER"), "company.write")).toBe(false);
  });

  it("never grants vendor permissions to retailers or to nobody", () => {
    const retailer: Actor = { kind: "retailer", userId: "u", email: "e", name: "n", retailerId: "r" };
    for (const p of permissions) {
      expect(can(retailer, p)).toBe(false);
      expect(can(null, p)).toBe(false);
    }
    expect(() => assertCan(retailer, "company.read")).toThrow(/vendor staff/);
    expect(() => assertCan(staff("DRIVER"), "company.write")).toThrow(expect.objectContaining({ code: "forbidden" }));
  });
});
