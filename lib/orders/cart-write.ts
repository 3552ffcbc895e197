import "server-only";
// The one write path of cart lines (set and add): the product must be one the vendor sells now,
// the quantity one its unit allows (whole pieces, up to 3 decimals of kg), the cart row is created
// on first use, and a cart holds at most as many lines as an order may.
// Two statements in one transaction on the app's pool (no ORM: adding to the cart is the portal's
// most frequent write): the first locks the cart row to the commit, so the second, which counts the
// lines, sees every line written before it, and two adds at once cannot both take the last room.
import { assertQuantitiesFitUnits } from "@/lib/catalog/units";
import type { Ctx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { rowId } from "@/lib/db/row-id";
import { pgTransaction, prismaRunner, type SqlRunner } from "@/lib/db/sql-runner";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { MAX_CART_LINES, type CartConnection } from "@/lib/orders/cart-view";

/** A cart line's quantity fits numeric(14,3) with room to spare; nobody orders a billion units. */
const MAX_QUANTITY = new Prisma.Decimal("1000000000");

// The product as the vendor sells it now, and the retailer's cart with the vendor: made on first use,
// touched otherwise, and so locked to the commit. Nothing is written for a product not on sale.
const cartSql = `
WITH p AS (SELECT active, name, unit::text AS unit FROM "Product" WHERE id = $1::text AND "companyId" = $2::text),
cart AS (
  INSERT INTO "Cart" (id, "companyId", "retailerId", "createdAt", "updatedAt")
  SELECT $4::text, $2::text, $3::text, $5::timestamptz, $5::timestamptz WHERE EXISTS (SELECT 1 FROM p WHERE p.active)
  ON CONFLICT ("retailerId", "companyId") DO UPDATE SET "updatedAt" = EXCLUDED."updatedAt"
  RETURNING id)
SELECT p.active, p.name, p.unit, (SELECT id FROM cart) AS "cartId" FROM p`;

// The line: a new one only while the cart has room (a line it holds can always change), its quantity
// set or added up, and never past MAX_QUANTITY. room = false: the cart is full; written = false with
// room: the quantity would be too large.
const lineSql = `
WITH room AS (
  SELECT EXISTS (SELECT 1 FROM "CartItem" WHERE "cartId" = $1::text AND "productId" = $2::text)
      OR (SELECT count(*) FROM "CartItem" WHERE "cartId" = $1::text) < $6::int AS ok),
line AS (
  INSERT INTO "CartItem" AS ci (id, "cartId", "productId", quantity, "createdAt", "updatedAt")
  SELECT $3::text, $1::text, $2::text, $4::numeric, $7::timestamptz, $7::timestamptz WHERE (SELECT ok FROM room) AND $4::numeric <= $8::numeric
  ON CONFLICT ("cartId", "productId") DO UPDATE
    SET quantity = CASE WHEN $5::boolean THEN ci.quantity + EXCLUDED.quantity ELSE EXCLUDED.quantity END, "updatedAt" = EXCLUDED."updatedAt"
    WHERE (CASE WHEN $5::boolean THEN ci.quantity + EXCLUDED.quantity ELSE EXCLUDED.quantity END) <= $8::numeric
  RETURNING 1)
SELECT (SELECT ok FROM room) AS room, EXISTS (SELECT 1 FROM line) AS written`;

export async function writeCartLine(ctx: Ctx, connection: CartConnection, args: { productId: string; quantity: Prisma.Decimal; mode: "set" | "add" }) {
  const { companyId, retailerId } = connection;
  const now = ctx.now();
  const work = async (run: SqlRunner) => {
    const [product] = await run.query<{ active: boolean; name: string; unit: string; cartId: string | null }>(cartSql, [args.productId, companyId, retailerId, rowId(), now]);
    if (!product) throw new AppError("not_found", "Product not found");
    if (!product.active) throw new AppError("validation", `${product.name} is no longer sold by this vendor`, { fieldErrors: { productId: ["This product is no longer sold"] } });
    assertQuantitiesFitUnits([{ field: "quantity", quantity: args.quantity, unit: product.unit }]);
    const [line] = await run.query<{ room: boolean; written: boolean }>(lineSql, [product.cartId, args.productId, rowId(), args.quantity.toFixed(3), args.mode === "add", MAX_CART_LINES, now, MAX_QUANTITY.toFixed(0)]);
    if (!line!.room) {
      throw new AppError("validation", `A cart can hold at most ${MAX_CART_LINES} products; place this order first`, { fieldErrors: { productId: [`At most ${MAX_CART_LINES} products per cart`] } });
    }
    if (!line!.written) throw new AppError("validation", "That quantity is too large", { fieldErrors: { quantity: ["That quantity is too large"] } });
  };
  if (ctx.db === prisma) await pgTransaction(work);
  else await ctx.db.$transaction((tx) => work(prismaRunner(tx)));
}

/** Deletes lines of the retailer's cart with this vendor (all of them, or those of `productIds`). */
export async function deleteCartLines(ctx: Ctx, connection: CartConnection, productIds?: string[]) {
  await ctx.db.cartItem.deleteMany({
    where: { cart: { retailerId: connection.retailerId, companyId: connection.companyId }, ...(productIds ? { productId: { in: productIds } } : {}) },
  });
}
