import type { Membership, User } from "@/lib/generated/prisma/client";

export type EmployeeView = {
  id: string;
  userId: string;
  name: string;
  email: string;
  phone: string | null;
  role: Membership["role"];
  title: string | null;
  active: boolean;
  invitePending: boolean;
  lastLoginAt: string | null;
  createdAt: string;
};

export function toEmployeeView(m: Membership & { user: User }): EmployeeView {
  return {
    id: m.id,
    userId: m.userId,
    name: m.user.name,
    email: m.user.email,
    phone: m.user.phone,
    role: m.role,
    title: m.title,
    active: m.active,
    invitePending: !m.user.passwordHash,
    lastLoginAt: m.user.lastLoginAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
  };
}

export const employeeInclude = { user: true } as const;
