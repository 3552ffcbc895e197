// lockConnection locks a retailer's connection row and reads it with its retailer and the company's
// fields in one statement (JSON revived into the ORM's types). This compares its answer with the
// ORM's read of the same row, checks that the row stays locked to the end of the transaction, and
// that another company's connection is not found.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { lockConnection } from "@/lib/orders/credit";
import { orderShop } from "../support/order-factories";

describe("lockConnection", () => {
  it("answers what the ORM reads, with every Decimal and Date column, and holds the row lock to the commit", async () => {
    const shop = await orderShop({ creditLimit: "250000.50", creditPolicy: "HOLD" });
    await prisma.connection.update({
      where: { id: shop.connection.id },
      data: { deliveryLatitude: "19.076090", deliveryLongitude: "72.877426", suspendedAt: new Date("2026-10-01T10:00:00.123Z"), paymentTermsDays: 30, shippingLine1: "Gala 12, Bhiwandi", notes: "Ring before delivery" },
    });
    await prisma.retailer.update({ where: { id: shop.retailer.id }, data: { latitude: "18.520430", longitude: "73.856744" } });
    const orm = await prisma.connection.findUniqueOrThrow({
      where: { id: shop.connection.id },
      include: { retailer: true, company: { select: { id: true, code: true, stateCode: true, creditPolicy: true, legalName: true, tradeName: true } } },
    });
    await prisma.$transaction(async (tx) => {
      expect(await lockConnection(tx, shop.co, shop.connection.id)).toEqual(orm);
      // Another session cannot take the row while this transaction holds it.
      await expect(prisma.$executeRaw`SELECT id FROM "Connection" WHERE id = ${shop.connection.id} FOR UPDATE NOWAIT`).rejects.toThrow();
    });
    expect(await prisma.$executeRaw`SELECT id FROM "Connection" WHERE id = ${shop.connection.id} FOR UPDATE NOWAIT`).toBe(1);
  });

  it("finds nothing for another company's connection", async () => {
    const shop = await orderShop();
    const other = await orderShop();
    await prisma.$transaction(async (tx) => {
      expect(await lockConnection(tx, other.co, shop.connection.id)).toBeNull();
    });
  });
});
