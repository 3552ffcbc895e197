// The browser-session door onto the Actor: what pages, actions and routes without a bearer
// token use. Roles and active flags come from the database, not from the cookie.
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor, RetailerActor, StaffActor } from "@/lib/auth/actor";
import { auth } from "@/lib/auth/auth";
import { loadActor } from "@/lib/auth/load-actor";
import { prisma } from "@/lib/db/client";

/** Once per request: the layout and the page both ask, and each asking costs a session decode and a query. */
export const actorFromSession = cache(async (): Promise<Actor | null> => {
  let session;
  try {
    session = await auth();
  } catch {
    return null; // outside a request (tests, scripts): no session
  }
  if (!session?.user?.id) return null;
  return loadActor(prisma, session.user.id, session.user.companyId, session.user.sessionId ?? null);
});

export async function requireStaff(): Promise<StaffActor> {
  const actor = await actorFromSession();
  if (!actor) redirect("/login");
  if (actor.kind !== "staff") redirect("/portal");
  return actor;
}

export async function requireRetailer(): Promise<RetailerActor> {
  const actor = await actorFromSession();
  if (!actor) redirect("/login");
  if (actor.kind !== "retailer") redirect("/dashboard");
  return actor;
}
