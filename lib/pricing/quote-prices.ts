import "server-only";
// Price quotes through the one resolver: vendor staff for any of their retailers (or the default
// prices), a retailer only for its own active connection with that vendor.
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { istDay, startOfIstDay } from "@/lib/pricing/dates";
import { quotePricesInput } from "@/lib/pricing/pricing.schemas";
import { resolvePrices, type PriceQuote } from "@/lib/pricing/resolve-price";
import { parseInput } from "@/lib/validation";

export type QuoteView = { companyId: string; connectionId: string | null; date: string; items: PriceQuote[] };

export async function quotePrices(ctx: Ctx, input: unknown): Promise<QuoteView> {
  const q = parseInput(quotePricesInput, input);
  const actor = ctx.actor;
  let companyId: string;
  let connectionId: string | null = q.connectionId ?? null;

  if (actor.kind === "staff") {
    if (!can(actor, "catalog.read")) throw new AppError("forbidden", "Your role cannot see prices (catalog.read)");
    if (q.companyId && q.companyId !== actor.companyId) throw notFound("Vendor");
    companyId = actor.companyId;
  } else if (actor.kind === "retailer") {
    if (!q.connectionId && !q.companyId) throw new AppError("validation", "Name the vendor to quote from", { fieldErrors: { companyId: ["Required"] } });
    // A retailer names the vendor (or its own connection); anything else is not theirs to see.
    const connection = await ctx.db.connection.findFirst({
      where: { retailerId: actor.retailerId, ...(q.connectionId ? { id: q.connectionId } : {}), ...(q.companyId ? { companyId: q.companyId } : {}) },
      select: { id: true, companyId: true, status: true },
    });
    if (!connection) throw notFound("Vendor");
    if (connection.status !== "ACTIVE") throw new AppError("forbidden", `Your account with this vendor is ${connection.status.toLowerCase()}; prices are shown to active accounts only`);
    companyId = connection.companyId;
    connectionId = connection.id;
    const productIds = [...new Set(q.items.map((i) => i.productId))];
    const visible = await ctx.db.product.count({ where: { companyId, id: { in: productIds }, active: true } });
    if (visible !== productIds.length) throw notFound("Product");
  } else {
    if (!actor.companyId) throw new AppError("forbidden", "A system quote needs a company");
    companyId = actor.companyId;
  }

  const day = q.date ?? istDay(ctx.now());
  const quotes = await resolvePrices(ctx.db, { companyId, connectionId, date: startOfIstDay(day), items: q.items });
  return { companyId, connectionId, date: day, items: q.items.map((i) => quotes.get(i.productId)!) };
}
