// Cursor pagination for list endpoints: `?limit=&cursor=`, answered as `{ data, nextCursor }`.
import { AppError } from "@/lib/errors";

export type PageParams = { limit: number; offset: number };

/**
 * Lists with tab counts (orders, invoices) stop counting here: "1,000+" costs at most 1,001 index
 * entries a tab, where an exact count read every matching row on every page view (at 380,000 invoices,
 * 40 ms of the database per count, and the mixed load's slowest statements).
 */
export const LIST_COUNT_CAP = 1_000;

export function parsePageParams(url: URL, defaults = { limit: 20, max: 100 }): PageParams {
  const rawLimit = url.searchParams.get("limit");
  const limit = rawLimit === null ? defaults.limit : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > defaults.max) {
    throw new AppError("validation", `limit must be an integer from 1 to ${defaults.max}`, { fieldErrors: { limit: [`Must be 1 to ${defaults.max}`] } });
  }
  const cursor = url.searchParams.get("cursor");
  return { limit, offset: cursor ? decodeCursor(cursor).o : 0 };
}

export function encodeCursor(c: { o: number }) {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(cursor: string): { o: number } {
  try {
    const c = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Number.isInteger(c.o) && c.o >= 0) return c;
  } catch {
    /* fall through */
  }
  throw new AppError("validation", "cursor is not valid; pass back the nextCursor of the previous page", { fieldErrors: { cursor: ["Invalid cursor"] } });
}

export function page<T>(items: T[], p: PageParams, total: number) {
  const next = p.offset + items.length;
  return { data: items, nextCursor: next < total ? encodeCursor({ o: next }) : null, total };
}
