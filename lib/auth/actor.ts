import type { Role } from "@/lib/generated/prisma/enums";

/** Who is acting, whatever the door (browser session, bearer token, background job). `sessionId`: the
 *  checked session of the request (lib/auth/sessions.ts), absent for actors built without one. */
export type Actor =
  | { kind: "staff"; userId: string; email: string; name: string; companyId: string; role: Role; sessionId?: string }
  | { kind: "retailer"; userId: string; email: string; name: string; retailerId: string; sessionId?: string }
  | { kind: "system"; userId: null; name: string; companyId?: string };

export type StaffActor = Extract<Actor, { kind: "staff" }>;
export type RetailerActor = Extract<Actor, { kind: "retailer" }>;
