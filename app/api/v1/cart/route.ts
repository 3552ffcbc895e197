// GET /api/v1/cart — the retailer's carts, one per vendor: line count and value at today's prices
import { apiRoute } from "@/lib/http/route";
import { listMyCarts } from "@/lib/orders/list-my-carts";

export const GET = apiRoute(async ({ ctx }) => {
  const { carts, lineCount } = await listMyCarts(ctx);
  return { data: carts, lineCount };
});
