import "server-only";
import type { Ctx } from "@/lib/ctx";
import { loadPayLinkView, type PayLinkView } from "@/lib/billing/gateway/pay-link-views";

/** One pay link with its payments; another company's (or another retailer's) is not_found. */
export async function getPayLinkOrThrow(ctx: Ctx, id: string): Promise<PayLinkView> {
  return loadPayLinkView(ctx.db, ctx.actor, id);
}
