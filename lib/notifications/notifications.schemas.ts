import { z } from "zod";
import { orderEventNames } from "@/lib/notifications/order-events";

const flag = z.preprocess((v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" || v === "" ? false : v), z.boolean());

export const listNotificationsInput = z.strictObject({
  unreadOnly: flag.default(false),
  /** nextCursor of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1, "limit must be 1 to 100").max(100, "limit must be 1 to 100").default(20),
});
export type ListNotificationsInput = z.input<typeof listNotificationsInput>;

export const setSubscriptionInput = z.strictObject({
  event: z.enum(orderEventNames, { error: `event must be one of ${orderEventNames.join(", ")}` }),
  email: z.boolean({ error: "email must be true or false" }),
});
export type SetSubscriptionInput = z.infer<typeof setSubscriptionInput>;
