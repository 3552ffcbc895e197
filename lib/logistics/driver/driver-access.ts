import "server-only";
// A driver reaches only the trips whose Driver row carries their user id; any other trip (another
// driver's, another company's) is 404.
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

export async function driverOfActorOrThrow(db: Db, actor: Actor) {
  assertCan(actor, "deliveries.update");
  const driver = await db.driver.findFirst({ where: { companyId: actor.companyId, userId: actor.userId, active: true }, select: { id: true, name: true, companyId: true, phone: true } });
  if (!driver) throw notFound("Trip");
  return driver;
}
