import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { emailSchema, optionalText, requiredText } from "@/lib/validation";

export const roleSchema = z.enum(Role, { error: "Choose a role" });

export const addEmployeeInput = z.strictObject({
  name: requiredText("Name", 120),
  email: emailSchema,
  phone: optionalText(20).refine((v) => !v || /^\+?[0-9 -]{8,15}$/.test(v), "Enter a valid phone number"),
  role: roleSchema,
  title: optionalText(80),
});

export const updateEmployeeInput = z
  .strictObject({ role: roleSchema.optional(), title: optionalText(80), active: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, "Nothing to change");

export const employeeSortKeys = ["name", "email", "role", "createdAt", "lastLoginAt"] as const;

export const listEmployeesInput = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  status: z.enum(["active", "inactive", "all"]).default("active"),
  sort: z.enum(employeeSortKeys).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** Used by API cursors instead of page. */
  offset: z.coerce.number().int().min(0).optional(),
});

export type AddEmployeeInput = z.input<typeof addEmployeeInput>;
export type ListEmployeesInput = z.input<typeof listEmployeesInput>;
