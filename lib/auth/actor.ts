import type { Role } from "@/lib/generated/prisma/enums";

/** Who is acting, whatever the door (browser session, bearer token, background job). */
export type Actor =
  | { kind: "staff"; userId: string; email: string; name: string; companyId: string; role: Role }
  | { kind: "retailer"; userId: string; email: string; name: string; retailerId: string }
  | { kind: "system"; userId: null; name: string; companyId?: string };

export type StaffActor = Extract<Actor, { kind: "staff" }>;
export type RetailerActor = Extract<Actor, { kind: "retailer" }>;
