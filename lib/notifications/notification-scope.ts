import "server-only";
// Whose notifications an actor sees: always only their own, and for staff only those of the company
// they are acting for (one person can work for two vendors), for a retailer user only its business's.
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export function notificationScope(actor: Actor): Prisma.NotificationWhereInput {
  if (actor.kind === "staff") return { userId: actor.userId, companyId: actor.companyId, retailerId: null };
  if (actor.kind === "retailer") return { userId: actor.userId, retailerId: actor.retailerId };
  throw new AppError("forbidden", "Notifications belong to people");
}
