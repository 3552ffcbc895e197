// The answer both order-placing doors (POST /orders, POST /cart/{vendor}/checkout) give a retry that takes over
// the Idempotency-Key of a request whose instance died after the order committed: that order, 201 as the
// request's own answer would have been (lib/http/idempotency.ts, answerCommitted in lib/http/route.ts).
import type { CommittedResult } from "@/lib/http/idempotency";
import { created, type AuthedRequest } from "@/lib/http/route";
import { getOrderOrThrow } from "@/lib/orders/get-order-or-throw";

export async function placedOrderReply({ ctx }: AuthedRequest, made: CommittedResult) {
  return created(await getOrderOrThrow(ctx, made.id));
}
