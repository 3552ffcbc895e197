// What each role is for, in one line, for role pickers. Permissions themselves live in lib/auth/permissions.
import type { Role } from "@/lib/generated/prisma/enums";

export const roleDescriptions: Record<Role, string> = {
  OWNER: "Everything, including adding or removing owners and admins.",
  ADMIN: "Everything except managing owners and admins.",
  MANAGER: "Runs sales, stock, billing and dispatch; cannot change company or staff.",
  SALES: "Retailers, catalogue and orders; sees stock and invoices.",
  WAREHOUSE: "Stock, godowns, packing and dispatch.",
  ACCOUNTANT: "Invoices, payments, credit notes and reports.",
  DRIVER: "Sees assigned deliveries and updates their status.",
};

export const roleTone: Record<Role, "brand" | "info" | "success" | "warning" | "neutral" | "danger"> = {
  OWNER: "brand",
  ADMIN: "brand",
  MANAGER: "info",
  SALES: "success",
  WAREHOUSE: "warning",
  ACCOUNTANT: "info",
  DRIVER: "neutral",
};
