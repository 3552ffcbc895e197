import "server-only";
// The stock API for orders, called inside the order's own transaction (so the order and its stock
// commit or roll back together):
//   reserveStock       ACTIVE reservation; RESERVATION movements (reserved += q)
//   adjustReservation  new totals per product; RESERVATION / RELEASE movements for the differences
//   releaseReservation ACTIVE → RELEASED; RELEASE movements (reserved −= q)
//   dispatchReservation ACTIVE → DISPATCHED; DISPATCH movements (on hand −= q, reserved −= q)
//   returnStock        goods coming back (RETURN movements, on hand += q)
// Reserving is one statement for all lines (lib/orders/place-order-sql.ts, reserveSql): the levels
// locked in productId order, then reserved only if every line has "on hand − reserved >= q", with
// the product totals, the ledger rows and the reservation, so parallel orders never oversell and
// never deadlock; any short line fails the whole reservation with insufficient_stock naming every
// short product.
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReservationStatus } from "@/lib/generated/prisma/enums";
import { applyMovements, insufficientStockError, type MovementInput } from "@/lib/inventory/ledger";
import { rowId as newId } from "@/lib/db/row-id";
import { prismaRunner, reserveParams, reserveSql, type ReserveRow } from "@/lib/orders/place-order-sql";

type Tx = Prisma.TransactionClient;
type Line = { productId: string; quantity: string | number };
/** `at`: the acting clock (ctx.now()) that dates the ledger rows. */
type Ref = { companyId: string; refType: string; refId: string; userId?: string | null; at?: Date };

const D = Prisma.Decimal;

export async function reserveStock(tx: Tx, args: Ref & { warehouseId: string; lines: Line[] }): Promise<{ reservationId: string }> {
  const lines = mergeLines(args.lines, { allowZero: false });
  if (lines.length === 0) throw new AppError("validation", "A reservation needs at least one line");
  // A released reservation of the same document (an order reopened) is reused; a live one is not.
  const [existing] = await tx.$queryRaw<{ id: string; status: ReservationStatus }[]>`
    SELECT id, status FROM "StockReservation" WHERE "companyId" = ${args.companyId} AND "refType" = ${args.refType} AND "refId" = ${args.refId} FOR UPDATE`;
  if (existing && existing.status !== "RELEASED") {
    throw new AppError("conflict", `Stock is already ${existing.status === "ACTIVE" ? "reserved" : "dispatched"} for ${args.refType} ${args.refId}`, { details: { state: existing.status } });
  }
  // Every line or none, in one statement (levels locked in product order; the ledger rows and,
  // for a new reservation, its rows written with them): see reserveSql.
  const sorted = [...lines].sort((x, y) => (x.productId < y.productId ? -1 : x.productId > y.productId ? 1 : 0)).map((l) => ({ productId: l.productId, quantity: l.quantity.toFixed(3) }));
  const reservationId = existing ? null : newId();
  const [r] = await prismaRunner(tx).query<ReserveRow>(
    reserveSql,
    reserveParams({ ...args, lines: sorted, reservationId, lineIds: sorted.map(() => newId()) }),
  );
  if (r.warehouseActive === null) throw new AppError("not_found", "Warehouse not found");
  if (r.warehouseActive === false) throw new AppError("conflict", `Warehouse ${r.warehouseCode} is inactive; reactivate it to move stock there`, { details: { warehouseId: args.warehouseId } });
  if (!r.ok) {
    if (r.short.some((s) => s.name === null)) throw new AppError("not_found", "Product not found");
    throw insufficientStockError(
      r.short.map((s) => {
        const onHand = new D(s.onHand ?? 0);
        const reserved = new D(s.reserved ?? 0);
        return { productId: s.productId, warehouseId: args.warehouseId, sku: s.sku, name: s.name, unit: s.unit, requested: new D(s.requested).toFixed(3), available: D.max(onHand.minus(reserved), 0).toFixed(3), onHand: onHand.toFixed(3), reserved: reserved.toFixed(3) };
      }),
    );
  }
  if (existing) {
    await tx.stockReservationLine.deleteMany({ where: { reservationId: existing.id } });
    await tx.stockReservation.update({ where: { id: existing.id }, data: { status: "ACTIVE", warehouseId: args.warehouseId, lines: { create: sorted } } });
    return { reservationId: existing.id };
  }
  return { reservationId: reservationId! };
}

/** Sets new reserved totals per product; products left out go to zero. Only while ACTIVE. */
export async function adjustReservation(tx: Tx, args: Ref & { lines: Line[] }): Promise<void> {
  const next = new Map(mergeLines(args.lines, { allowZero: true }).map((l) => [l.productId, l.quantity]));
  const reservation = await lockActive(tx, args, "adjust");
  const current = new Map(reservation.lines.map((l) => [l.productId, new D(l.quantity)]));
  const movements: MovementInput[] = [];
  for (const productId of new Set([...current.keys(), ...next.keys()])) {
    const diff = (next.get(productId) ?? new D(0)).minus(current.get(productId) ?? 0);
    if (diff.isZero()) continue;
    movements.push({ productId, warehouseId: reservation.warehouseId, kind: diff.gt(0) ? "RESERVATION" : "RELEASE", onHandDelta: "0", reservedDelta: diff.toFixed(3), reason: diff.gt(0) ? null : "Reservation reduced", refType: args.refType, refId: args.refId });
  }
  await applyMovements(tx, { companyId: args.companyId, userId: args.userId, at: args.at, movements });
  for (const [productId, quantity] of next) {
    if (quantity.isZero()) continue;
    await tx.stockReservationLine.upsert({
      where: { reservationId_productId: { reservationId: reservation.id, productId } },
      create: { reservationId: reservation.id, productId, quantity: quantity.toFixed(3) },
      update: { quantity: quantity.toFixed(3) },
    });
  }
  const dropped = [...current.keys()].filter((p) => !(next.get(p)?.gt(0) ?? false));
  if (dropped.length) await tx.stockReservationLine.deleteMany({ where: { reservationId: reservation.id, productId: { in: dropped } } });
  await tx.stockReservation.update({ where: { id: reservation.id }, data: { updatedAt: new Date() } });
}

export async function releaseReservation(tx: Tx, args: Ref & { reason?: string }): Promise<void> {
  const reservation = await lockActive(tx, args, "release");
  await tx.stockReservation.update({ where: { id: reservation.id }, data: { status: "RELEASED" } });
  await applyMovements(tx, {
    companyId: args.companyId,
    userId: args.userId,
    at: args.at,
    movements: reservation.lines.map((l) => ({ productId: l.productId, warehouseId: reservation.warehouseId, kind: "RELEASE", onHandDelta: "0", reservedDelta: `-${l.quantity}`, reason: args.reason ?? null, refType: args.refType, refId: args.refId })),
  });
}

/** The reserved goods leave the warehouse: on hand and reserved both go down. */
export async function dispatchReservation(tx: Tx, args: Ref): Promise<void> {
  const reservation = await lockActive(tx, args, "dispatch");
  await tx.stockReservation.update({ where: { id: reservation.id }, data: { status: "DISPATCHED" } });
  await applyMovements(tx, {
    companyId: args.companyId,
    userId: args.userId,
    at: args.at,
    movements: reservation.lines.map((l) => ({ productId: l.productId, warehouseId: reservation.warehouseId, kind: "DISPATCH", onHandDelta: `-${l.quantity}`, reservedDelta: `-${l.quantity}`, refType: args.refType, refId: args.refId })),
  });
}

/** Goods coming back (a returned or undelivered order) go back on the shelf of `warehouseId`. */
export async function returnStock(tx: Tx, args: Ref & { warehouseId: string; lines: Line[]; reason?: string | null }): Promise<void> {
  const lines = mergeLines(args.lines, { allowZero: false });
  if (lines.length === 0) throw new AppError("validation", "A return needs at least one line");
  await applyMovements(tx, {
    companyId: args.companyId,
    userId: args.userId,
    at: args.at,
    movements: lines.map((l) => ({ productId: l.productId, warehouseId: args.warehouseId, kind: "RETURN", onHandDelta: l.quantity.toFixed(3), reservedDelta: "0", reason: args.reason ?? null, refType: args.refType, refId: args.refId })),
  });
}

/** The reservation of a document, if any (for order screens). */
export async function getReservation(db: Tx, args: { companyId: string; refType: string; refId: string }) {
  const r = await db.stockReservation.findUnique({ where: { companyId_refType_refId: args }, include: { lines: { orderBy: { productId: "asc" } } } });
  if (!r) return null;
  return { id: r.id, warehouseId: r.warehouseId, status: r.status, lines: r.lines.map((l) => ({ productId: l.productId, quantity: l.quantity.toFixed(3) })), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

/**
 * Locks the reservation row first (before any level row, the same order everywhere), so a second
 * release or dispatch waits and then sees the new status: invalid_transition, never a double move.
 */
async function lockActive(tx: Tx, args: Ref, verb: string) {
  const [row] = await tx.$queryRaw<{ id: string; warehouseId: string; status: ReservationStatus }[]>`
    SELECT id, "warehouseId", status FROM "StockReservation"
    WHERE "companyId" = ${args.companyId} AND "refType" = ${args.refType} AND "refId" = ${args.refId} FOR UPDATE`;
  if (!row) throw new AppError("not_found", `No stock reservation for ${args.refType} ${args.refId}`);
  if (row.status !== "ACTIVE") {
    throw new AppError("invalid_transition", `Cannot ${verb} a reservation that was already ${row.status.toLowerCase()}`, { details: { state: row.status } });
  }
  const lines = await tx.stockReservationLine.findMany({ where: { reservationId: row.id }, orderBy: { productId: "asc" } });
  return { ...row, lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity.toFixed(3) })) };
}

/** One line per product (quantities summed), each a positive (or, for adjust, zero) decimal with ≤ 3 places. */
function mergeLines(lines: Line[], opts: { allowZero: boolean }) {
  if (!Array.isArray(lines)) throw new AppError("validation", "lines must be a list");
  const merged = new Map<string, Prisma.Decimal>();
  lines.forEach((l, i) => {
    const q = String(l?.quantity ?? "").trim();
    if (typeof l?.productId !== "string" || !l.productId) throw new AppError("validation", `Line ${i + 1}: productId is required`, { fieldErrors: { [`lines.${i}.productId`]: ["Required"] } });
    if (!/^\d{1,11}(\.\d{1,3})?$/.test(q) || (!opts.allowZero && Number(q) === 0)) {
      throw new AppError("validation", `Line ${i + 1}: quantity must be ${opts.allowZero ? "zero or more" : "more than zero"} with up to 3 decimals`, { fieldErrors: { [`lines.${i}.quantity`]: ["Invalid quantity"] } });
    }
    merged.set(l.productId, (merged.get(l.productId) ?? new D(0)).plus(q));
  });
  return [...merged.entries()].map(([productId, quantity]) => ({ productId, quantity }));
}
