/**
 * Whether err is PostgreSQL's error `code` (23505 unique_violation, …) whose message or constraint names
 * `text`: from pg directly, or through Prisma (the driver's error as the cause, or in a raw query's meta).
 */
export function isPgError(err: unknown, code: string, text: string): boolean {
  const e = err as { code?: string; message?: string; constraint?: string; cause?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: string; originalMessage?: string } } } } | null;
  if (!e) return false;
  if (e.code === code && `${e.message ?? ""} ${e.constraint ?? ""}`.includes(text)) return true;
  // Prisma's raw query error (P2010) carries PostgreSQL's code and message in its driver adapter's error.
  const driver = e.meta?.driverAdapterError?.cause;
  if (driver?.originalCode === code && (driver.originalMessage ?? "").includes(text)) return true;
  // Through Prisma the driver's error is the cause.
  return e.cause !== undefined && e.cause !== err && isPgError(e.cause, code, text);
}
