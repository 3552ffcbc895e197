// Shared by the tests of document numbers taken under concurrency (GST documents, receipts).
import { prisma } from "@/lib/db/client";
import { createRetailerUser } from "./factories";
import type { Shop } from "./order-factories";

/** The shop's own connection and n − 1 more active retailers of the same company (Maharashtra, intra-state). */
export async function moreConnections(shop: Shop, n: number): Promise<string[]> {
  const ids = [shop.connection.id];
  for (let i = 1; i < n; i++) {
    const r = await createRetailerUser();
    const c = await prisma.connection.create({ data: { companyId: shop.co, retailerId: r.retailer.id, status: "ACTIVE", customerCode: `P-${i}-${Date.now() % 100000}`, placeOfSupply: "27", activatedAt: new Date() } });
    ids.push(c.id);
  }
  return ids;
}

/** The running numbers of SERIES/YY-YY/N numbers, sorted. */
export const running = (numbers: string[]) => numbers.map((n) => Number(n.split("/")[2])).sort((a, b) => a - b);
export const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
