// A request that could not get a database connection (every pooled connection busy for longer than the
// wait allows), or whose transaction ran out of time under load (Prisma rolled it back), is turned away as
// 503 with Retry-After instead of a 500: nothing was written and trying again in a moment is the right thing
// for the client to do.
import { AppError } from "@/lib/errors";

/** Prisma's P2028 ("Unable to start a transaction in the given time", "… on an expired transaction") and node-postgres' pool timeout. */
export function databaseBusyError(err: unknown): AppError | null {
  const e = err as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === "string" ? e.message : "";
  const busy =
    (e?.code === "P2028" && /unable to start a transaction in the given time|cannot be executed on an expired transaction|transaction already closed/i.test(message)) ||
    /timeout exceeded when trying to connect/i.test(message);
  if (!busy) return null;
  return new AppError("unavailable", "The server is busy; try again in a moment", { details: { retryAfterSeconds: 2 } });
}
