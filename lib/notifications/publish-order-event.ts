import "server-only";
// An order event worth telling people about (placed, confirmed, dispatched, delivered, cancelled)
// becomes an "order-notify" job in the same transaction as the change itself.
import type { Tx } from "@/lib/db/client";
import type { PgQueryable } from "@/lib/db/sql-runner";
import { getBoss } from "@/lib/jobs/boss";
import { enqueueJob, onConnection } from "@/lib/jobs/enqueue";

export async function publishOrderEvent(tx: Tx, eventId: string): Promise<void> {
  await enqueueJob(tx, "order-notify", { eventId });
}

/** The same on a pooled pg connection in its transaction (pgTransaction: the hot paths written in SQL), through pg-boss's own insert. */
export async function publishOrderEventOnConnection(client: PgQueryable, eventId: string): Promise<void> {
  await (await getBoss()).send("order-notify", { eventId }, { db: onConnection(client) });
}
