// The one table of what each vendor staff role may do. Domain functions ask `can` / `assertCan`;
// screens ask the same question to hide actions a user cannot take.
import type { Actor, StaffActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export const permissions = [
  "company.read",
  "company.write",
  "employees.read",
  "employees.write",
  "employees.manage_admins",
  "retailers.read",
  "retailers.write",
  "catalog.read",
  "catalog.write",
  "inventory.read",
  "inventory.write",
  "orders.read",
  "orders.write",
  "orders.approve_credit",
  "billing.read",
  "billing.write",
  "payments.write",
  "logistics.read",
  "logistics.write",
  "deliveries.update",
  "reports.read",
  "audit.read",
  /** The deployment's database backups (Settings → Data & backups): owners and admins. */
  "system.backups.read",
] as const;

export type Permission = (typeof permissions)[number];

const all = [...permissions];
const without = (...p: Permission[]) => all.filter((x) => !p.includes(x));

export const rolePermissions: Record<Role, readonly Permission[]> = {
  OWNER: all,
  ADMIN: without("employees.manage_admins"),
  MANAGER: without("company.write", "employees.write", "employees.manage_admins", "audit.read", "system.backups.read"),
  SALES: ["company.read", "employees.read", "retailers.read", "retailers.write", "catalog.read", "inventory.read", "orders.read", "orders.write", "billing.read", "logistics.read", "reports.read"],
  WAREHOUSE: ["company.read", "employees.read", "catalog.read", "inventory.read", "inventory.write", "orders.read", "logistics.read", "logistics.write"],
  ACCOUNTANT: ["company.read", "employees.read", "retailers.read", "catalog.read", "orders.read", "billing.read", "billing.write", "payments.write", "reports.read", "audit.read"],
  DRIVER: ["company.read", "orders.read", "logistics.read", "deliveries.update"],
};

export const roleLabels: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  MANAGER: "Manager",
  SALES: "Sales",
  WAREHOUSE: "Warehouse",
  ACCOUNTANT: "Accountant",
  DRIVER: "Driver",
};

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  if (actor.kind === "system") return true;
  if (actor.kind !== "staff") return false;
  return rolePermissions[actor.role].includes(permission);
}

/** Narrows to a staff actor holding `permission`, or throws `forbidden`. */
export function assertCan(actor: Actor, permission: Permission): asserts actor is StaffActor {
  if (actor.kind !== "staff") throw new AppError("forbidden", "This action is for vendor staff");
  if (!can(actor, permission)) throw new AppError("forbidden", `Your role (${roleLabels[actor.role]}) cannot do this (${permission})`);
}
