import { randomBytes } from "node:crypto";

let lastMs = 0;
let counter = 0;

/**
 * An id in the shape of Prisma's cuid() for rows written in SQL: time, then a per-process counter,
 * then randomness, so ids made one after another in a process sort in that order (an order's
 * "placed" event before its "held" one, as the timeline sorts by time and then id).
 */
export function rowId(): string {
  const now = Date.now();
  if (now === lastMs) counter++;
  else {
    lastMs = now;
    counter = 0;
  }
  return `c${now.toString(36)}${counter.toString(36).padStart(4, "0")}${randomBytes(6).toString("hex")}`;
}
