// Cart inputs beyond the shared ones in orders.schemas.ts: the REST bodies (the vendor code comes
// from the path there) and the quantity rule of "set" (zero removes the line).
import { z } from "zod";
import { checkoutInput, cartItemInput } from "@/lib/orders/orders.schemas";
import { quantitySchema } from "@/lib/validation";

/** A quantity of zero or more (zero removes the line). */
export const cartQuantityInput = z.strictObject({ quantity: quantitySchema });

/** POST /api/v1/cart/{vendorCode}/items */
export const addCartItemBody = cartItemInput.omit({ vendorCode: true });
/** PUT /api/v1/cart/{vendorCode}/items/{productId} */
export const setCartItemBody = z.strictObject({ quantity: quantitySchema });
/** POST /api/v1/cart/{vendorCode}/checkout (the body may be left out: default address, no notes). */
export const checkoutBody = checkoutInput.omit({ vendorCode: true });
