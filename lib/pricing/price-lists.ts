import "server-only";
// Price lists of a vendor company: exactly one default list, others assigned to retailer connections.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { createPriceListInput, listPriceListsInput, updatePriceListInput } from "@/lib/pricing/pricing.schemas";
import { toPriceListView } from "@/lib/pricing/views";
import { parseInput } from "@/lib/validation";

/** Creates a list; the company's first list becomes its default. */
export async function createPriceList(ctx: Ctx, input: unknown) {
  assertCan(ctx.actor, "catalog.write");
  const data = parseInput(createPriceListInput, input);
  const companyId = ctx.actor.companyId;
  return withNameConflict(() =>
    ctx.db.$transaction(async (tx) => {
      await lockPriceLists(tx, companyId);
      await assertNameFree(tx, companyId, data.name);
      const isDefault = (await tx.priceList.count({ where: { companyId, isDefault: true } })) === 0;
      if (isDefault && data.active === false) throw new AppError("validation", "Your first price list becomes the default and must be active", { fieldErrors: { active: ["The default price list must be active"] } });
      const list = await tx.priceList.create({ data: { companyId, name: data.name, description: data.description ?? null, active: data.active ?? true, isDefault } });
      await recordAudit(ctx, tx, { action: "price_list.create", entityType: "PriceList", entityId: list.id, after: { name: list.name, description: list.description, active: list.active, isDefault } });
      return toPriceListView(list);
    }),
  );
}

export async function updatePriceList(ctx: Ctx, priceListId: string, input: unknown) {
  assertCan(ctx.actor, "catalog.write");
  const data = parseInput(updatePriceListInput, input);
  if (Object.keys(data).length === 0) throw new AppError("validation", "Nothing to change");
  const companyId = ctx.actor.companyId;
  return withNameConflict(() =>
    ctx.db.$transaction(async (tx) => {
      await lockPriceLists(tx, companyId);
      const before = await tx.priceList.findFirst({ where: { id: priceListId, companyId } });
      if (!before) throw notFound("Price list");
      if (data.name !== undefined && data.name !== before.name) await assertNameFree(tx, companyId, data.name, before.id);
      if (data.active === false && before.isDefault) {
        throw new AppError("conflict", "This is the default price list. Make another list the default before deactivating it.", { fieldErrors: { active: ["The default price list must stay active"] } });
      }
      const after = await tx.priceList.update({ where: { id: priceListId, companyId }, data });
      const keys = Object.keys(data) as (keyof typeof data)[];
      await recordAudit(ctx, tx, { action: "price_list.update", entityType: "PriceList", entityId: priceListId, before: pick(before, keys), after: pick(after, keys) });
      return toPriceListView(after, (await countsFor(tx, companyId, [after.id])).get(after.id));
    }),
  );
}

/** Makes this list the default; the previous default stops being one in the same transaction. */
export async function setDefaultPriceList(ctx: Ctx, priceListId: string) {
  assertCan(ctx.actor, "catalog.write");
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(async (tx) => {
    await lockPriceLists(tx, companyId);
    const list = await tx.priceList.findFirst({ where: { id: priceListId, companyId } });
    if (!list) throw notFound("Price list");
    if (!list.isDefault) {
      if (!list.active) throw new AppError("invalid_transition", `“${list.name}” is inactive. Activate it before making it the default.`, { details: { state: "inactive" } });
      const previous = await tx.priceList.findFirst({ where: { companyId, isDefault: true }, select: { id: true, name: true } });
      await tx.priceList.updateMany({ where: { companyId, isDefault: true }, data: { isDefault: false } });
      await tx.priceList.update({ where: { id: priceListId, companyId }, data: { isDefault: true } });
      await recordAudit(ctx, tx, { action: "price_list.set_default", entityType: "PriceList", entityId: priceListId, before: { defaultPriceList: previous }, after: { defaultPriceList: { id: list.id, name: list.name } } });
    }
    const after = await tx.priceList.findUniqueOrThrow({ where: { id: priceListId } });
    return toPriceListView(after, (await countsFor(tx, companyId, [after.id])).get(after.id));
  });
}

/** Deletes a list and its prices. Refused for the default list and for lists retailers buy on. */
export async function deletePriceList(ctx: Ctx, priceListId: string) {
  assertCan(ctx.actor, "catalog.write");
  const companyId = ctx.actor.companyId;
  await ctx.db.$transaction(async (tx) => {
    await lockPriceLists(tx, companyId);
    const list = await tx.priceList.findFirst({ where: { id: priceListId, companyId } });
    if (!list) throw notFound("Price list");
    if (list.isDefault) throw new AppError("conflict", `“${list.name}” is the default price list. Make another list the default first.`, { details: { reason: "default" } });
    // Ended connections can no longer change terms; their reference is cleared by the foreign key.
    const assigned = await tx.connection.findMany({
      where: { companyId, priceListId, status: { not: "ENDED" } },
      select: { id: true, retailer: { select: { legalName: true, tradeName: true } } },
      orderBy: { retailer: { legalName: "asc" } },
    });
    if (assigned.length > 0) {
      const names = assigned.map((c) => c.retailer.tradeName ?? c.retailer.legalName);
      const shown = names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", ");
      throw new AppError("conflict", `“${list.name}” is assigned to ${assigned.length === 1 ? "1 retailer" : `${assigned.length} retailers`}: ${shown}. Assign them another price list first.`, {
        details: { reason: "assigned", retailers: assigned.map((c, i) => ({ connectionId: c.id, name: names[i] })) },
      });
    }
    const items = await tx.priceListItem.count({ where: { companyId, priceListId } });
    await tx.priceList.delete({ where: { id: priceListId, companyId } });
    await recordAudit(ctx, tx, { action: "price_list.delete", entityType: "PriceList", entityId: priceListId, before: { name: list.name, description: list.description, active: list.active, itemCount: items } });
  });
}

/** The company's price lists, default first, with item counts and how many retailers buy on each. */
export async function listPriceLists(ctx: Ctx, input: unknown = {}) {
  assertCan(ctx.actor, "catalog.read");
  const q = parseInput(listPriceListsInput, input);
  const companyId = ctx.actor.companyId;
  const where: Prisma.PriceListWhereInput = {
    companyId,
    ...(q.active === "all" ? {} : { active: q.active === "active" }),
    ...(q.q ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { description: { contains: q.q, mode: "insensitive" } }] } : {}),
  };
  const [total, rows] = await Promise.all([
    ctx.db.priceList.count({ where }),
    ctx.db.priceList.findMany({ where, orderBy: [{ isDefault: "desc" }, { active: "desc" }, { name: "asc" }, { id: "asc" }], skip: q.offset, take: q.pageSize }),
  ]);
  const counts = await countsFor(ctx.db, companyId, rows.map((r) => r.id));
  return { items: rows.map((r) => toPriceListView(r, counts.get(r.id))), total };
}

export async function getPriceListOrThrow(ctx: Ctx, priceListId: string) {
  assertCan(ctx.actor, "catalog.read");
  const companyId = ctx.actor.companyId;
  const list = await ctx.db.priceList.findFirst({ where: { id: priceListId, companyId } });
  if (!list) throw notFound("Price list");
  return toPriceListView(list, (await countsFor(ctx.db, companyId, [list.id])).get(list.id));
}

// ---------------------------------------------------------------------------------------------

type Db = PrismaClient | Tx;

/** Serialises writes to one company's lists (default switching, names, item overlaps). */
export async function lockPriceLists(tx: Tx, companyId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`price_lists:${companyId}`}, 0))`;
}

async function countsFor(db: Db, companyId: string, ids: string[]) {
  const out = new Map<string, { itemCount: number; productCount: number; retailerCount: number }>();
  if (ids.length === 0) return out;
  // Sequential: `db` may be a transaction (one connection), where overlapping queries are deprecated in pg.
  const items = await db.$queryRaw<{ priceListId: string; items: number; products: number }[]>`
    SELECT "priceListId", count(*)::int AS items, count(DISTINCT "productId")::int AS products
    FROM "PriceListItem" WHERE "companyId" = ${companyId} AND "priceListId" = ANY(${ids}::text[]) GROUP BY "priceListId"`;
  const retailers = await db.connection.groupBy({ by: ["priceListId"], where: { companyId, priceListId: { in: ids }, status: { not: "ENDED" } }, _count: { _all: true } });
  for (const id of ids) out.set(id, { itemCount: 0, productCount: 0, retailerCount: 0 });
  for (const r of items) Object.assign(out.get(r.priceListId)!, { itemCount: r.items, productCount: r.products });
  for (const r of retailers) if (r.priceListId) out.get(r.priceListId)!.retailerCount = r._count._all;
  return out;
}

async function assertNameFree(tx: Tx, companyId: string, name: string, exceptId?: string) {
  const clash = await tx.priceList.findFirst({ where: { companyId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw nameTaken();
}

const nameTaken = () => new AppError("conflict", "A price list with this name already exists", { fieldErrors: { name: ["Another price list has this name"] } });

async function withNameConflict<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw nameTaken();
    throw err;
  }
}

function pick<T extends object>(row: T, keys: (keyof T)[]) {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}
