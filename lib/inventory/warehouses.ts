import "server-only";
// Warehouses (godowns) of the vendor company: create, edit, one default, deactivate while empty.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { createWarehouseInput, listWarehousesInput, updateWarehouseInput, warehouseAction } from "@/lib/inventory/inventory.schemas";
import { qty, toWarehouseView } from "@/lib/inventory/views";
import { parseInput } from "@/lib/validation";

/** The company's warehouses with what is in them (products in stock, units reserved, value at cost). */
export async function listWarehouses(ctx: Ctx, input: unknown = {}) {
  assertCan(ctx.actor, "inventory.read");
  const q = parseInput(listWarehousesInput, input);
  const companyId = ctx.actor.companyId;
  const rows = await ctx.db.warehouse.findMany({
    where: { companyId, ...(q.status === "all" ? {} : { active: q.status === "active" }) },
    orderBy: [{ isDefault: "desc" }, { active: "desc" }, { name: "asc" }, { id: "asc" }],
  });
  const stats = await ctx.db.$queryRaw<{ warehouseId: string; products: number; reserved: string; value: string }[]>`
    SELECT s."warehouseId", count(*) FILTER (WHERE s."onHand" > 0)::int AS products, sum(s.reserved)::text AS reserved,
           coalesce(sum(s."onHand" * p."costPrice"), 0)::numeric(18,2)::text AS value
    FROM "StockLevel" s JOIN "Product" p ON p.id = s."productId"
    WHERE s."companyId" = ${companyId} GROUP BY s."warehouseId"`;
  const byId = new Map(stats.map((s) => [s.warehouseId, s]));
  return {
    items: rows.map((w) => {
      const s = byId.get(w.id);
      return { ...toWarehouseView(w), productsInStock: s?.products ?? 0, reserved: qty(s?.reserved ?? 0)!, stockValue: s?.value ?? "0.00" };
    }),
  };
}

export async function getWarehouseOrThrow(ctx: Ctx, id: string) {
  assertCan(ctx.actor, "inventory.read");
  const w = await ctx.db.warehouse.findFirst({ where: { id: String(id), companyId: ctx.actor.companyId } });
  if (!w) throw notFound("Warehouse");
  return toWarehouseView(w);
}

export async function createWarehouse(ctx: Ctx, input: unknown) {
  assertCan(ctx.actor, "inventory.write");
  const data = parseInput(createWarehouseInput, input);
  const companyId = ctx.actor.companyId;
  return uniqueCode(() =>
    ctx.db.$transaction(async (tx) => {
      const { isDefault, ...fields } = data;
      const hasDefault = await tx.warehouse.count({ where: { companyId, isDefault: true, active: true } });
      const makeDefault = isDefault === true || hasDefault === 0;
      const w = await tx.warehouse.create({ data: { ...fields, companyId, isDefault: false } });
      if (makeDefault) await tx.$executeRaw`UPDATE "Warehouse" SET "isDefault" = (id = ${w.id}), "updatedAt" = now() WHERE "companyId" = ${companyId}`;
      const after = await tx.warehouse.findUniqueOrThrow({ where: { id: w.id } });
      await recordAudit(ctx, tx, { action: "warehouse.create", entityType: "Warehouse", entityId: w.id, after: toWarehouseView(after) });
      return toWarehouseView(after);
    }),
  );
}

export async function updateWarehouse(ctx: Ctx, id: string, input: unknown) {
  assertCan(ctx.actor, "inventory.write");
  const data = parseInput(updateWarehouseInput, input);
  if (Object.keys(data).length === 0) throw new AppError("validation", "Nothing to change");
  const companyId = ctx.actor.companyId;
  return uniqueCode(() =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.warehouse.findFirst({ where: { id: String(id), companyId } });
      if (!before) throw notFound("Warehouse");
      const after = await tx.warehouse.update({ where: { id: before.id, companyId }, data });
      await recordAudit(ctx, tx, { action: "warehouse.update", entityType: "Warehouse", entityId: before.id, before: toWarehouseView(before), after: toWarehouseView(after) });
      return toWarehouseView(after);
    }),
  );
}

/** Orders and receipts default to this warehouse. Exactly one active warehouse is the default. */
export async function setDefaultWarehouse(ctx: Ctx, id: string) {
  assertCan(ctx.actor, "inventory.write");
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(async (tx) => {
    const w = await tx.warehouse.findFirst({ where: { id: String(id), companyId } });
    if (!w) throw notFound("Warehouse");
    if (!w.active) throw new AppError("invalid_transition", `${w.code} is inactive; reactivate it before making it the default`, { details: { state: "inactive" } });
    const before = await tx.warehouse.findFirst({ where: { companyId, isDefault: true }, select: { id: true } });
    await tx.$executeRaw`UPDATE "Warehouse" SET "isDefault" = (id = ${w.id}), "updatedAt" = now() WHERE "companyId" = ${companyId}`;
    await recordAudit(ctx, tx, { action: "warehouse.set_default", entityType: "Warehouse", entityId: w.id, before: { defaultWarehouseId: before?.id ?? null }, after: { defaultWarehouseId: w.id } });
    return toWarehouseView(await tx.warehouse.findUniqueOrThrow({ where: { id: w.id } }));
  });
}

/**
 * Refused while anything is on hand or reserved there, and for the default warehouse. The row
 * lock makes receipts wait (they share-lock the warehouse), so stock cannot arrive mid-check.
 */
export async function deactivateWarehouse(ctx: Ctx, id: string) {
  assertCan(ctx.actor, "inventory.write");
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(async (tx) => {
    const [w] = await tx.$queryRaw<{ id: string; code: string; active: boolean; isDefault: boolean }[]>`
      SELECT id, code, active, "isDefault" FROM "Warehouse" WHERE id = ${String(id)} AND "companyId" = ${companyId} FOR UPDATE`;
    if (!w) throw notFound("Warehouse");
    if (!w.active) throw new AppError("invalid_transition", `${w.code} is already inactive`, { details: { state: "inactive" } });
    if (w.isDefault) throw new AppError("conflict", `${w.code} is the default warehouse; make another warehouse the default first`);
    const [stock] = await tx.$queryRaw<{ products: number; onHand: string | null; reserved: string | null }[]>`
      SELECT count(*)::int AS products, sum("onHand")::text AS "onHand", sum(reserved)::text AS reserved
      FROM "StockLevel" WHERE "companyId" = ${companyId} AND "warehouseId" = ${w.id} AND ("onHand" > 0 OR reserved > 0)`;
    if (stock.products > 0) {
      throw new AppError("conflict", `${w.code} still holds stock of ${stock.products} product${stock.products === 1 ? "" : "s"}; transfer or adjust it to zero first`, {
        details: { products: stock.products, onHand: qty(stock.onHand ?? 0), reserved: qty(stock.reserved ?? 0) },
      });
    }
    const after = await tx.warehouse.update({ where: { id: w.id, companyId }, data: { active: false } });
    await recordAudit(ctx, tx, { action: "warehouse.deactivate", entityType: "Warehouse", entityId: w.id, before: { active: true }, after: { active: false } });
    return toWarehouseView(after);
  });
}

export async function activateWarehouse(ctx: Ctx, id: string) {
  assertCan(ctx.actor, "inventory.write");
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(async (tx) => {
    const w = await tx.warehouse.findFirst({ where: { id: String(id), companyId } });
    if (!w) throw notFound("Warehouse");
    const moved = await tx.warehouse.updateMany({ where: { id: w.id, companyId, active: false }, data: { active: true } });
    if (moved.count === 0) throw new AppError("invalid_transition", `${w.code} is already active`, { details: { state: "active" } });
    await recordAudit(ctx, tx, { action: "warehouse.activate", entityType: "Warehouse", entityId: w.id, before: { active: false }, after: { active: true } });
    return toWarehouseView(await tx.warehouse.findUniqueOrThrow({ where: { id: w.id } }));
  });
}

/** The door for POST /warehouses/{id}/{action}. */
export async function changeWarehouseStatus(ctx: Ctx, id: string, action: unknown) {
  const a = parseInput(warehouseAction, action);
  if (a === "set-default") return setDefaultWarehouse(ctx, id);
  if (a === "deactivate") return deactivateWarehouse(ctx, id);
  return activateWarehouse(ctx, id);
}

async function uniqueCode<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("conflict", "Another warehouse already uses this code", { fieldErrors: { code: ["Already used by another warehouse"] } });
    }
    throw err;
  }
}
