// The server-action door: builds a Ctx from the browser session, runs a domain function and
// turns AppErrors into a result the form shows next to its fields.
import "server-only";
import type { RetailerActor, StaffActor } from "@/lib/auth/actor";
import { actorFromSession } from "@/lib/auth/session";
import { makeCtx, type Ctx } from "@/lib/ctx";
import { unstorableTextError } from "@/lib/control-chars";
import { databaseBusyError } from "@/lib/db/busy";
import { AppError, type FieldErrors } from "@/lib/errors";
import { log } from "@/lib/log";

export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; error: string; code: string; fieldErrors?: FieldErrors };

export async function runAction<T>(fn: (ctx: Ctx & { actor: StaffActor | RetailerActor }) => Promise<T>): Promise<ActionResult<T>> {
  const actor = await actorFromSession();
  if (!actor || actor.kind === "system") return { ok: false, error: "Your session has ended. Sign in again.", code: "unauthenticated" };
  const ctx = makeCtx(actor) as Ctx & { actor: StaffActor | RetailerActor };
  try {
    return { ok: true, data: await fn(ctx) };
  } catch (err) {
    return actionError(err, ctx.requestId);
  }
}

export function actionError(err: unknown, requestId: string): { ok: false; error: string; code: string; fieldErrors?: FieldErrors } {
  err = unstorableTextError(err) ?? databaseBusyError(err) ?? err;
  if (err instanceof AppError) return { ok: false, error: err.message, code: err.code, fieldErrors: err.fieldErrors };
  log("error", "action failed", { requestId, error: String((err as Error)?.stack ?? err) });
  return { ok: false, error: `Something went wrong on our side (request ${requestId}).`, code: "internal" };
}
