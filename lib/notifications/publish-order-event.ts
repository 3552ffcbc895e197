import "server-only";
// An order event worth telling people about (placed, confirmed, dispatched, delivered, cancelled)
// becomes an "order-notify" job in the same transaction as the change itself.
import type { Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";

export async function publishOrderEvent(tx: Tx, eventId: string): Promise<void> {
  await enqueueJob(tx, "order-notify", { eventId });
}
