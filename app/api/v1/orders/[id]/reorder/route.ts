// POST /api/v1/orders/{id}/reorder — put a past order's still-orderable lines, at today's prices, into the cart with its vendor
import { apiRoute } from "@/lib/http/route";
import { reorderToCart } from "@/lib/orders/reorder-to-cart";

export const POST = apiRoute(async ({ ctx, params }) => reorderToCart(ctx, params.id));
